package dev.capflow.ingest.domain;

import java.time.Instant;

/** A version of a daily bar that a correction replaced: stored at {@code storedAt}, replaced at {@code replacedAt}. */
public record BarRevision(DailyBar bar, Instant storedAt, Instant replacedAt) {
}
