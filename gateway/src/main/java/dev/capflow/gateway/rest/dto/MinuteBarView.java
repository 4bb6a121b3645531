package dev.capflow.gateway.rest.dto;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The ticks of one symbol in one UTC minute, rolled up. */
@Schema(name = "MinuteBar")
public record MinuteBarView(
        @Schema(example = "NVDA") String symbol,

        @Schema(description = "The start of the minute.", example = "2025-11-03T14:30:00Z")
        Instant minute,

        @Schema(
                description = "The price of the minute's first tick (by time, then source, then trade id).",
                example = "207.04")
        double open,

        @Schema(example = "207.31") double high,
        @Schema(example = "206.98") double low,

        @Schema(description = "The price of the minute's last tick.", example = "207.2")
        double close,

        @Schema(description = "The sum of the ticks' sizes.", example = "18250")
        long volume,

        @Schema(description = "How many ticks the minute holds.", example = "412")
        long tickCount) {}
