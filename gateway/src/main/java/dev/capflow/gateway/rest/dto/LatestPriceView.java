package dev.capflow.gateway.rest.dto;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The latest known price of one symbol and where it comes from. */
@Schema(name = "LatestPrice")
public record LatestPriceView(
        @Schema(example = "NVDA") String symbol,
        @Schema(example = "207.04") double price,
        @Schema(example = "2025-10-29T20:00:00Z") Instant ts,

        @Schema(
                enumeration = {"TICK", "DAILY_CLOSE"},
                example = "DAILY_CLOSE")
        String source) {}
