package dev.capflow.gateway.rest.dto;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One stored tick. */
@Schema(name = "Tick")
public record TickView(
        @Schema(example = "NVDA") String symbol,
        @Schema(example = "2025-11-03T14:30:00.000125Z") Instant ts,
        @Schema(example = "207.04") double price,

        @Schema(description = "Traded quantity; 0 for a quote.", example = "100")
        long size,

        @Schema(description = "The feed; empty when unknown.", example = "nasdaq-itch")
        String source,

        @Schema(description = "The trade's id within its source; empty when unknown.", example = "88412")
        String tradeId) {}
