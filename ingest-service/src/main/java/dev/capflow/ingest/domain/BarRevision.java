package dev.capflow.ingest.domain;

import java.time.Instant;

/** A version of a daily bar that a correction replaced: stored at {@code storedAt}, replaced at {@code replacedAt}. */
public record BarRevision(DailyBar bar, Instant storedAt, Instant replacedAt) {

    /** A unique key that sorts revisions newest replacement first, then by date descending (one replace per date). */
    public String pageKey() {
        long micros = replacedAt.getEpochSecond() * 1_000_000L + replacedAt.getNano() / 1_000;
        return String.format(
                "%019d %010d",
                Long.MAX_VALUE - micros, 5_000_000_000L - bar.date().toEpochDay());
    }
}
