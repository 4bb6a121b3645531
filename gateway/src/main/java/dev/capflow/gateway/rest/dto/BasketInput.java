package dev.capflow.gateway.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /baskets} and {@code PUT /baskets/{id}}. */
@Schema(
        name = "BasketInput",
        additionalProperties = Schema.False.class,
        description = "A basket definition (docs/design.md section 4).",
        requiredProperties = {"name", "currency", "baseDate", "members"})
public record BasketInput(
        @Schema(
                description = "Lower-case slug; optional on POST (a random id is assigned), on PUT it must equal "
                        + "the id of the path.",
                example = "team-google")
        String id,

        @Schema(description = "At most 200 characters.", example = "Team Google")
        String name,

        @Schema(
                description =
                        "Reporting currency: an upper-case ISO 4217 code the platform converts (USD, or a side of "
                                + "a configured FX pair: USD and JPY by default); lower case is refused, not upper-cased.",
                example = "USD")
        String currency,

        @Schema(description = "ISO-8601 date from which the basket is held.", example = "2025-10-29")
        String baseDate,

        @Schema(description = "Level at the base date; default 100.", example = "100")
        Double baseValue,

        @Schema(
                enumeration = {"EQUAL", "CUSTOM"},
                description = "Default EQUAL.",
                example = "EQUAL")
        String weighting,

        @Schema(
                enumeration = {"NONE", "MONTHLY", "QUARTERLY"},
                description = "Default NONE (buy-and-hold).",
                example = "NONE")
        String rebalance,

        List<BasketMemberInput> members,

        @Schema(description = "PUT only, required there: the version last read (optimistic lock).", example = "1")
        Long version) {}
