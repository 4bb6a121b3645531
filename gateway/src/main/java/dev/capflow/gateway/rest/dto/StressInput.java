package dev.capflow.gateway.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /exposure/stress}. */
@Schema(
        name = "StressInput",
        additionalProperties = Schema.False.class,
        requiredProperties = {"model", "shocks"})
public record StressInput(
        @Schema(
                enumeration = {"CROSS_HOLDINGS", "DEBTRANK", "CLEARING"},
                example = "DEBTRANK")
        String model,

        List<Shock> shocks,
        Options options,

        @Schema(
                description = "ISO-8601 date: the graph holding then, valued at the closes at or before it "
                        + "(default today).",
                example = "2025-12-31")
        String asOf,

        @Schema(
                description = "ISO-8601 instant such as 2026-01-05T10:00:00Z: the graph as capflow knew it then "
                        + "(default now); before the graph was recorded nothing is known.")
        String knownAt,

        @Schema(
                description = "Which figure of estimated amounts to use (default BASE).",
                enumeration = {"LOW", "BASE", "HIGH"},
                example = "BASE")
        String amounts) {

    /**
     * Scales the entity's primary value by 1 + valueChange (CROSS_HOLDINGS), sets its initial loss (DEBTRANK) or scales
     * its external resources (CLEARING).
     */
    @Schema(
            name = "Shock",
            additionalProperties = Schema.False.class,
            requiredProperties = {"entity", "valueChange"})
    public record Shock(
            @Schema(example = "openai") String entity,

            @Schema(
                    description = "In [-1, +inf) for CROSS_HOLDINGS and CLEARING, [-1, 0] for DEBTRANK.",
                    example = "-0.5")
            Double valueChange) {}

    /** Model options; an option of another model than the one chosen is refused (400). */
    @Schema(name = "StressOptions", additionalProperties = Schema.False.class)
    public record Options(
            @Schema(
                    description = "CROSS_HOLDINGS: failure threshold, a fraction of the pre-shock value in [0, 1].",
                    example = "0.9")
            Double theta,

            @Schema(
                    description =
                            "CROSS_HOLDINGS: failure cost, a fraction of the pre-shock value (>= 0). CLEARING: the "
                                    + "Rogers-Veraart cost on receivables, the fraction of what it is paid a defaulting entity passes on, "
                                    + "in (0, 1] (default 1, no cost).",
                    example = "0.25")
            Double beta,

            @Schema(
                    description = "DEBTRANK: the propagation rule (default 2015).",
                    enumeration = {"2015", "2012"},
                    example = "2015")
            String rule,

            @Schema(
                    description = "CLEARING: the Rogers-Veraart cost on external resources, the fraction of them a "
                            + "defaulting entity realises, in (0, 1] (default 1, no cost).",
                    example = "0.5")
            Double alpha,

            @Schema(
                    description = "CLEARING: the years of revenue counted as external resources with the cash (> 0, "
                            + "default 5).",
                    example = "5")
            Double horizonYears) {}
}
