package dev.capflow.gateway.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An instrument as the registry stores it. */
@Schema(name = "Instrument")
public record InstrumentView(
        @Schema(example = "NVDA") String symbol,
        @Schema(example = "NVIDIA Corporation") String name,
        @Schema(example = "USD") String currency,
        @Schema(example = "NASDAQ") String exchange,

        @Schema(
                enumeration = {"EQUITY", "FX", "INDEX"},
                example = "EQUITY")
        String kind,

        @Schema(description = "Absent when unknown.", example = "24300000000")
        Long sharesOutstanding,

        @Schema(description = "Optimistic-lock version, incremented on every change.", example = "1")
        long version) {}
