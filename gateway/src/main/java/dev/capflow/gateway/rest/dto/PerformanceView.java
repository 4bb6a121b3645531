package dev.capflow.gateway.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Level series, metrics and member contributions of one basket over a window; returns are fractions. */
@Schema(name = "Performance")
public record PerformanceView(
        @Schema(example = "team-google") String basketId,

        @Schema(description = "First date actually used.", example = "2025-10-29")
        String from,

        @Schema(description = "Last date actually used.", example = "2025-12-31")
        String to,

        @Schema(
                enumeration = {"PRICE", "TOTAL"},
                example = "PRICE")
        String returnType,

        @Schema(description = "The basket version the answer was computed for.", example = "1")
        long basketVersion,

        @Schema(
                description = "The basket's reporting currency (ISO 4217): levels and returns are in it.",
                example = "USD")
        String currency,

        List<Level> series,
        Metrics metrics,
        List<Contribution> contributions) {

    /** The basket's level at one date. */
    @Schema(name = "LevelPoint")
    public record Level(
            @Schema(example = "2025-10-29") String date,
            @Schema(example = "100.0") double level) {}

    /** Risk and return over the window; a metric the window cannot define (beta without benchmark) is null. */
    @Schema(name = "Metrics")
    @JsonInclude(JsonInclude.Include.ALWAYS) // an undefined metric is an explicit null, not a missing member
    public record Metrics(
            @Schema(example = "0.144") Double totalReturn,

            @Schema(
                    description = "Null below 252 daily returns: a return over less than a year is not annualized "
                            + "(GIPS).",
                    example = "0.71")
            Double annualizedReturn,

            @Schema(description = "Null below two daily returns.", example = "0.35")
            Double annualizedVolatility,

            @Schema(description = "Null below two daily returns, or when they do not vary.", example = "1.9")
            Double sharpe,

            @Schema(description = "Zero or negative.", example = "-0.082")
            Double maxDrawdown,

            @Schema(example = "2025-11-03") String maxDrawdownPeak,
            @Schema(example = "2025-11-20") String maxDrawdownTrough,

            @Schema(
                    description = "Against the benchmark; null without one, below two daily returns, or when the "
                            + "benchmark's daily returns do not vary.",
                    example = "1.2")
            Double beta,

            @Schema(
                    description = "Against the benchmark; null when beta is, or when the basket's daily returns do "
                            + "not vary.",
                    example = "0.85")
            Double correlation) {}

    /** One member's own return, its share of the basket's total return and its weight at the window's end. */
    @Schema(name = "Contribution")
    public record Contribution(
            @Schema(example = "GOOGL") String symbol,

            @Schema(
                    description = "The member's target weight, from the basket's definition: not its weight at"
                            + " the window's start, which prices have moved since the base date (or the last"
                            + " rebalance), so weight x return is not contribution.",
                    example = "0.2")
            double weight,

            @JsonProperty("return")
            @Schema(description = "The member's return in the basket currency.", example = "0.21")
            Double memberReturn,

            @Schema(description = "Contributions sum to totalReturn.", example = "0.042")
            Double contribution,

            @Schema(
                    description = "The member's share of the basket's value at the window's last close, before any"
                            + " rebalance at it; end weights sum to 1. Over the default window, the current holdings.",
                    example = "0.21")
            Double endWeight) {}
}
