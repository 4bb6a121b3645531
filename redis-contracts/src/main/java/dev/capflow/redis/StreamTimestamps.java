package dev.capflow.redis;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The {@code ts} of a tick entry back to an {@link Instant}. Readers decode every entry of the stream on their event
 * loop, and {@link Instant#parse} (a general ISO-8601 formatter) made a large share of that work and of its garbage;
 * the form {@link Instant#toString} writes, {@code yyyy-MM-ddTHH:mm:ss[.f...]Z}, is read directly here, anything else
 * by {@link Instant#parse}, so the answer and the failures are those of {@link Instant#parse}.
 */
final class StreamTimestamps {

    private static final int FRACTION_START = 20;

    private StreamTimestamps() {}

    static Instant parse(String text) {
        if (!isPlainUtc(text)) {
            return Instant.parse(text);
        }
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (hour > 23 || minute > 59 || second > 59) {
            return Instant.parse(text); // a leap second or an invalid time: as Instant.parse answers it
        }
        long day;
        try {
            day = LocalDate.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2))
                    .toEpochDay();
        } catch (DateTimeException invalidDate) {
            return Instant.parse(text); // refused as Instant.parse refuses it
        }
        int fractionDigits = text.length() - 1 - FRACTION_START;
        int nanos = 0;
        if (fractionDigits > 0) {
            nanos = digits(text, FRACTION_START, fractionDigits);
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        return Instant.ofEpochSecond(day * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** {@code yyyy-MM-ddTHH:mm:ssZ} or with a fraction of 1 to 9 digits: the only forms read here. */
    private static boolean isPlainUtc(String text) {
        int length = text.length();
        if (length < FRACTION_START || length > FRACTION_START + 10 || text.charAt(length - 1) != 'Z') {
            return false;
        }
        for (int i = 0; i < length - 1; i++) {
            char c = text.charAt(i);
            boolean ok = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == 'T';
                case 13, 16 -> c == ':';
                case 19 -> c == '.' && length > FRACTION_START + 1;
                default -> c >= '0' && c <= '9';
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
