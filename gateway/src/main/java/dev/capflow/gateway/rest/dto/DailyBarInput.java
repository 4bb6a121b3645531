package dev.capflow.gateway.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One daily bar posted to {@code POST /prices/bars}; fields are checked one element at a time. */
@Schema(
        name = "DailyBarInput",
        additionalProperties = Schema.False.class,
        description = "One daily session of one instrument, prices in its own currency.",
        requiredProperties = {"symbol", "date", "open", "high", "low", "close"})
public record DailyBarInput(
        @Schema(example = "NVDA") String symbol,
        @Schema(format = "date", example = "2025-10-29") String date,
        @Schema(example = "207.98") Double open,
        @Schema(example = "212.19") Double high,
        @Schema(example = "205.51") Double low,
        @Schema(example = "207.04") Double close,

        @Schema(
                description = "Shares traded; 0 when absent from an insert. Required in a correction (mode=replace), "
                        + "which replaces the whole stored bar.",
                example = "308829700")
        Long volume) {}
