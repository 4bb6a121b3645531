package dev.capflow.gateway.rest.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The impact of a shock scenario on every entity and every basket; relative figures are fractions, losses negative. */
@Schema(name = "Stress")
@JsonInclude(JsonInclude.Include.ALWAYS) // debtRank and basketsUnavailable are explicit nulls when absent
public record StressView(
        @Schema(enumeration = { "CROSS_HOLDINGS", "DEBTRANK" }, example = "DEBTRANK") String model,
        List<EntityImpact> entities,
        List<BasketImpact> baskets,
        @Schema(description = "DEBTRANK: value-weighted loss caused by propagation; null for CROSS_HOLDINGS.")
        Double debtRank,
        @Schema(description = "Failure rounds or iterations run.", example = "3") int waves,
        @Schema(description = "DEBTRANK: false when the iteration stopped before converging.") boolean converged,
        @Schema(description = "Why basket impacts are missing; null when present.") String basketsUnavailable) {

    /** One entity's impact. */
    @Schema(name = "EntityImpact")
    @JsonInclude(JsonInclude.Include.ALWAYS) // never failed is an explicit null
    public record EntityImpact(
            @Schema(example = "openai") String entity,
            @Schema(description = "Value before the shock, USD.", example = "500000000000") double valueUsd,
            @Schema(example = "-0.5") double relativeChange,
            @Schema(example = "-250000000000") double valueLostUsd,
            @Schema(description = "The wave it failed in; null when it did not.") Integer failedInWave,
            @Schema(description = "How valueUsd was obtained: for a listed entity the price and its date.")
            EntityView.Value valuation) {
    }

    /** One basket's level change through its listed members. */
    @Schema(name = "BasketImpact")
    @JsonInclude(JsonInclude.Include.ALWAYS) // an unavailable level change is an explicit null
    public record BasketImpact(
            @Schema(example = "team-openai") String basketId,
            @Schema(example = "Team OpenAI") String name,
            @Schema(description = "Sum of current weight x the member entity's relative change; null when unavailable.",
                    example = "-0.04") Double levelChange,
            List<MemberImpact> members,
            @Schema(description = "Why this basket could not be weighed; null when it was.") String unavailableReason) {
    }

    /** One basket member as weighed. */
    @Schema(name = "BasketMemberImpact")
    public record MemberImpact(
            @Schema(example = "ORCL") String symbol,
            @Schema(description = "The entity it belongs to; null when none (it then moves 0).", example = "oracle")
            String entity,
            @Schema(example = "0.15") double currentWeight,
            @Schema(example = "-0.08") double relativeChange) {
    }
}
