package dev.capflow.gateway.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The impact of a shock scenario on every entity and every basket; relative figures are fractions, losses negative. */
@Schema(name = "Stress")
@JsonInclude(JsonInclude.Include.ALWAYS) // debtRank and basketsUnavailable are explicit nulls when absent
public record StressView(
        @Schema(
                enumeration = {"CROSS_HOLDINGS", "DEBTRANK", "CLEARING"},
                example = "DEBTRANK")
        String model,

        List<EntityImpact> entities,
        List<BasketImpact> baskets,

        @Schema(description = "DEBTRANK: value-weighted loss caused by propagation; null for the other models.")
        Double debtRank,

        @Schema(description = "Failure rounds or iterations run.", example = "3")
        int waves,

        @Schema(description = "DEBTRANK, CLEARING: false when the iteration stopped before converging.")
        boolean converged,

        @Schema(description = "Why basket impacts are missing; null when present.")
        String basketsUnavailable) {

    /** One entity's impact. */
    @Schema(name = "EntityImpact")
    @JsonInclude(JsonInclude.Include.ALWAYS) // never failed is an explicit null
    public record EntityImpact(
            @Schema(example = "openai") String entity,

            @Schema(description = "Value before the shock, USD.", example = "500000000000")
            double valueUsd,

            @Schema(example = "-0.5") double relativeChange,
            @Schema(example = "-250000000000") double valueLostUsd,

            @Schema(description = "The wave it failed in; null when it did not, and always under CLEARING.")
            Integer failedInWave,

            @Schema(description = "How valueUsd was obtained: for a listed entity the price and its date.")
            EntityView.Value valuation,

            @Schema(
                    description = "True when the equity stakes it holds are worth at least its own valueUsd (its "
                            + "primary value is not positive). CROSS_HOLDINGS cannot shock such an entity (422, type "
                            + "PRIMARY_VALUE) but answers with it unshocked; every model flags it.",
                    example = "false")
            boolean markedBelowStakes,

            @Schema(description = "CLEARING: its clearing without the shock; null for the other models.")
            Clearing clearingBaseline,

            @Schema(
                    description = "CLEARING: its clearing with the shock; relativeChange is -(unpaid receivables "
                            + "shocked - baseline) / valueUsd. Null for the other models.")
            Clearing clearingShocked) {}

    /** One entity in one payment clearing, in USD unless stated. */
    @Schema(name = "ClearingFigures")
    @JsonInclude(JsonInclude.Include.ALWAYS) // an unknown revenue share is an explicit null
    public record Clearing(
            @Schema(
                    description = "What it owes: its INVESTMENT and PURCHASE amounts (the figures `amounts` chooses) "
                            + "valid on asOf as known at knownAt.",
                    example = "572400000000")
            double obligationsUsd,

            @Schema(description = "What it pays in the clearing.", example = "213000000000")
            double paidUsd,

            @Schema(description = "Whether it pays less than it owes.", example = "true")
            boolean defaulted,

            @Schema(description = "What its debtors owe it and do not pay.", example = "0")
            double unpaidReceivablesUsd,

            @Schema(description = "unpaidReceivablesUsd / annual revenue; null when the revenue is unknown or 0.")
            Double unpaidToRevenue,

            @Schema(description = "unpaidReceivablesUsd / its value.", example = "0")
            double unpaidToValue,

            @Schema(
                    description = "cash + horizonYears x revenue, scaled by its shock in the shocked clearing.",
                    example = "100000000000")
            double externalResourcesUsd) {}

    /** One basket's level change through its listed members. */
    @Schema(name = "BasketImpact")
    @JsonInclude(JsonInclude.Include.ALWAYS) // an unavailable level change is an explicit null
    public record BasketImpact(
            @Schema(example = "team-openai") String basketId,
            @Schema(example = "Team OpenAI") String name,

            @Schema(
                    description = "Sum of current weight x the member entity's relative change; null when unavailable.",
                    example = "-0.04")
            Double levelChange,

            List<MemberImpact> members,

            @Schema(description = "Why this basket could not be weighed; null when it was.")
            String unavailableReason) {}

    /** One basket member as weighed. */
    @Schema(name = "BasketMemberImpact")
    public record MemberImpact(
            @Schema(example = "ORCL") String symbol,

            @Schema(description = "The entity it belongs to; null when none (it then moves 0).", example = "oracle")
            String entity,

            @Schema(example = "0.15") double currentWeight,
            @Schema(example = "-0.08") double relativeChange) {}
}
