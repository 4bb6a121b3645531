package dev.capflow.gateway.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One intraday trade or quote posted to {@code POST /prices/ticks}. */
@Schema(
        name = "TickInput",
        additionalProperties = Schema.False.class,
        description = "One intraday price of one instrument.",
        requiredProperties = {"symbol", "ts", "price"})
public record TickInput(
        @Schema(example = "NVDA") String symbol,

        @Schema(format = "date-time", description = "ISO-8601 instant.", example = "2025-10-29T14:30:00Z")
        String ts,

        @Schema(example = "207.5") Double price,

        @Schema(description = "Traded quantity; 0 (the default) for quotes.", example = "100")
        Long size,

        @Schema(
                description = "The feed the tick comes from (at most 64 characters); with tradeId it tells two trades "
                        + "of the same microsecond apart.",
                example = "nasdaq")
        String source,

        @Schema(
                description = "The trade's id within its source (at most 64 characters). A tick is stored once per "
                        + "symbol, ts, source and tradeId; without both it is stored once per symbol and ts.",
                example = "7731")
        String tradeId) {}
