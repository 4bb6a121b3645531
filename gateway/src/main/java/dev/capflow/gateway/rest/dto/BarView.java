package dev.capflow.gateway.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One daily bar of a series. */
@Schema(name = "DailyBar")
public record BarView(
        @Schema(format = "date", example = "2025-10-29") String date,
        @Schema(example = "207.98") double open,
        @Schema(example = "212.19") double high,
        @Schema(example = "205.51") double low,
        @Schema(example = "207.04") double close,
        @Schema(example = "308829700") long volume) {}
