package dev.capflow.exposure.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A bitemporal point of view: the graph holding on {@code asOf} (valid time) as capflow knew it at {@code knownAt} (record time). */
public record Snapshot(LocalDate asOf, Instant knownAt) {

    /** The snapshot with today (UTC) and now for what is not given. */
    public static Snapshot of(LocalDate asOf, Instant knownAt) {
        Instant now = Instant.now();
        return new Snapshot(
                asOf == null ? LocalDate.ofInstant(now, ZoneOffset.UTC) : asOf, knownAt == null ? now : knownAt);
    }

    /** Whether {@code asOf} is before today (UTC): listed entities are then valued from past closes. */
    public boolean isPast() {
        return asOf.isBefore(LocalDate.now(ZoneOffset.UTC));
    }
}
