package dev.capflow.ingest.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The dates market data may carry: 1900-01-01 to 2100-12-31, for bar dates, tick timestamps, ex-dates and query
 * bounds alike. Far inside PostgreSQL's range, so that no date is stored as another, and wide enough for any history.
 */
public final class MarketDates {

    public static final LocalDate MIN = LocalDate.of(1900, 1, 1);
    public static final LocalDate MAX = LocalDate.of(2100, 12, 31);
    /** The first and the first excluded instant of the range, in UTC. */
    static final Instant MIN_INSTANT = MIN.atStartOfDay(ZoneOffset.UTC).toInstant();

    static final Instant END_INSTANT =
            MAX.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private MarketDates() {}

    /** A parsed date, or why the text is not one (exactly one is non-null). */
    public record Parsed(LocalDate date, String problem) {}

    /** Parses an ISO-8601 date within the range; blank is "required". */
    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return new Parsed(null, "required");
        }
        String characters = TextRules.characterProblem(text);
        if (characters != null) {
            return new Parsed(null, characters);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return new Parsed(null, "not an ISO-8601 date: " + TextRules.quote(text));
        }
        String range = rangeProblem(date);
        return range == null ? new Parsed(date, null) : new Parsed(null, range);
    }

    /** Why {@code date} is outside the range, or null. */
    public static String rangeProblem(LocalDate date) {
        if (date.isBefore(MIN) || date.isAfter(MAX)) {
            return "must be between " + MIN + " and " + MAX + ", got " + date;
        }
        return null;
    }

    /** Whether {@code seconds} since the epoch (UTC) fall within the range. */
    static boolean inRange(long seconds) {
        return seconds >= MIN_INSTANT.getEpochSecond() && seconds < END_INSTANT.getEpochSecond();
    }
}
