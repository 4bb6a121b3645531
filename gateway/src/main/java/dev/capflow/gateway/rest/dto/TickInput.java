package dev.capflow.gateway.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One intraday trade or quote posted to {@code POST /prices/ticks}. */
@Schema(name = "TickInput", description = "One intraday price of one instrument.",
        requiredProperties = { "symbol", "ts", "price" })
public record TickInput(
        @Schema(example = "NVDA") String symbol,
        @Schema(format = "date-time", description = "ISO-8601 instant.", example = "2025-10-29T14:30:00Z") String ts,
        @Schema(example = "207.5") Double price,
        @Schema(description = "Traded quantity; 0 (the default) for quotes.", example = "100") Long size) {
}
