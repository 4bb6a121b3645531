package dev.capflow.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dates capflow holds anything for: 1900-01-01 to 2100-12-31 (UTC), for market data, baskets and the funding
 * graph alike. Far inside PostgreSQL's and protobuf Timestamp's ranges, so no date is stored as another.
 */
public final class PlatformDates {

    public static final LocalDate MIN = LocalDate.of(1900, 1, 1);
    public static final LocalDate MAX = LocalDate.of(2100, 12, 31);
    private static final Instant MIN_INSTANT = MIN.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END_INSTANT =
            MAX.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private PlatformDates() {}

    /** Why {@code date} is outside the range, or null when it is inside. */
    public static String rangeProblem(LocalDate date) {
        return date.isBefore(MIN) || date.isAfter(MAX)
                ? "must be between " + MIN + " and " + MAX + ", got " + date
                : null;
    }

    /** Why {@code instant} is outside the range (UTC), or null when it is inside. */
    public static String rangeProblem(Instant instant) {
        return instant.isBefore(MIN_INSTANT) || !instant.isBefore(END_INSTANT)
                ? "must be between " + MIN_INSTANT + " and the end of " + MAX + " (UTC), got " + instant
                : null;
    }
}
