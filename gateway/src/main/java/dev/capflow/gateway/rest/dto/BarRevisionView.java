package dev.capflow.gateway.rest.dto;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A version of a daily bar that a correction replaced. */
@Schema(name = "BarRevision", description = "A daily bar as it was stored before a correction replaced it.")
public record BarRevisionView(
        @Schema(description = "The replaced version.") BarView bar,

        @Schema(description = "When that version had been stored.")
        Instant storedAt,

        @Schema(description = "When the correction replaced it.")
        Instant replacedAt) {}
