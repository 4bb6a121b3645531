package dev.capflow.gateway.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every entity's exposure to one target: equity held directly and through chains, and contracted inflow. */
@Schema(name = "LookThrough")
public record LookThroughView(
        @Schema(example = "openai") String target,
        @Schema(example = "500000000000") double targetValueUsd,
        List<Exposure> exposures) {

    /** One holder's exposure; fractions, USD amounts. */
    @Schema(name = "Exposure")
    @JsonInclude(JsonInclude.Include.ALWAYS) // an unknown revenue ratio is an explicit null
    public record Exposure(
            @Schema(example = "softbank") String entity,
            @Schema(example = "0.11") double directShare,

            @Schema(description = "Direct and through every chain of equity stakes.", example = "0.11")
            double totalShare,

            @Schema(example = "55000000000") double valueAtStakeUsd,

            @Schema(description = "Value at stake over the holder's own value.", example = "0.34")
            double fractionOfOwnValue,

            @Schema(description = "Known investment and purchase amounts from the target.", example = "0")
            double contractedInflowUsd,

            @Schema(description = "Contracted inflow over annual revenue; null when revenue is unknown.")
            Double inflowToRevenue,

            @Schema(example = "161000000000") double valueUsd,

            @Schema(description = "How valueUsd was obtained: for a listed entity the price and its date.")
            EntityView.Value valuation,

            @Schema(
                    description = "True when the equity stakes it holds are worth at least its own valueUsd (its "
                            + "primary value is not positive): its mark is below what it owns, so fractionOfOwnValue "
                            + "can exceed 1. Answered all the same; the mark is what to check.",
                    example = "false")
            boolean markedBelowStakes) {}
}
