package dev.capflow.ingest.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants as the {@code timestamptz} parameters of the reactive client, for one batch (one thread).
 * {@code instant.atOffset(ZoneOffset.UTC)} builds a new {@code ZoneRules} for every call (Java 17's
 * {@code ZoneOffset.getRules}), the largest single cost of a tick batch's statement arrays, and the date of an epoch
 * second is the next: the same value is built here from the date of the last instant's day, which a batch shares.
 */
final class UtcTimestamps {

    private static final int SECONDS_PER_DAY = 86_400;

    private long day = Long.MIN_VALUE;
    private LocalDate date;
    private Instant previous;
    private OffsetDateTime previousAtUtc;

    /**
     * {@code instant} at UTC, equal to {@code instant.atOffset(ZoneOffset.UTC)}; the previous call's value again when
     * the instant is the same (ticks of one batch often share their timestamp).
     */
    OffsetDateTime of(Instant instant) {
        if (instant.equals(previous)) {
            return previousAtUtc;
        }
        previous = instant;
        previousAtUtc = atUtc(instant);
        return previousAtUtc;
    }

    private OffsetDateTime atUtc(Instant instant) {
        long seconds = instant.getEpochSecond();
        long epochDay = Math.floorDiv(seconds, SECONDS_PER_DAY);
        if (epochDay != day) {
            date = LocalDate.ofEpochDay(epochDay);
            day = epochDay;
        }
        LocalTime time =
                LocalTime.ofNanoOfDay(Math.floorMod(seconds, SECONDS_PER_DAY) * 1_000_000_000L + instant.getNano());
        return OffsetDateTime.of(LocalDateTime.of(date, time), ZoneOffset.UTC);
    }
}
