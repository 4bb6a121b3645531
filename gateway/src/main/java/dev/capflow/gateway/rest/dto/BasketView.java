package dev.capflow.gateway.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A basket as basket-service stores it. */
@Schema(name = "Basket")
public record BasketView(
        @Schema(example = "team-google") String id,
        @Schema(example = "Team Google") String name,
        @Schema(example = "USD") String currency,
        @Schema(example = "2025-10-29") String baseDate,
        @Schema(example = "100") double baseValue,

        @Schema(
                enumeration = {"EQUAL", "CUSTOM"},
                example = "EQUAL")
        String weighting,

        @Schema(
                enumeration = {"NONE", "MONTHLY", "QUARTERLY"},
                example = "NONE")
        String rebalance,

        List<BasketMemberView> members,

        @Schema(description = "Optimistic-lock version, incremented on every change.", example = "1")
        long version) {}
