package dev.capflow.bench;

import java.time.LocalDate;

/**
 * Reads an ISO-8601 UTC instant ({@code 2026-12-05T16:24:27.123456Z}, 0 to 9 fraction digits, as the gateway writes
 * a tick's {@code ts}) straight from bytes, to epoch microseconds. {@code Instant.parse} builds a formatter and a map
 * of fields per call: at 100,000 events a second it was most of the SSE load tool's reading thread.
 */
final class IsoInstantBytes {

    private static final int MICRO_DIGITS = 6;

    private IsoInstantBytes() {}

    /** The instant written in {@code text} from {@code from} up to its closing {@code Z}, in epoch microseconds. */
    static long epochMicros(byte[] text, int from) {
        try {
            long day = LocalDate.of(digits(text, from, 4), digits(text, from + 5, 2), digits(text, from + 8, 2))
                    .toEpochDay();
            expect(text, from + 4, '-');
            expect(text, from + 7, '-');
            expect(text, from + 10, 'T');
            expect(text, from + 13, ':');
            expect(text, from + 16, ':');
            long seconds = day * 86_400
                    + digits(text, from + 11, 2) * 3600L
                    + digits(text, from + 14, 2) * 60L
                    + digits(text, from + 17, 2);
            int at = from + 19;
            long micros = 0;
            int fractionDigits = 0;
            if (text[at] == '.') {
                for (at++; at < text.length && text[at] >= '0' && text[at] <= '9'; at++, fractionDigits++) {
                    if (fractionDigits < MICRO_DIGITS) {
                        micros = micros * 10 + (text[at] - '0');
                    }
                }
                if (fractionDigits == 0) {
                    throw new IllegalArgumentException("no digit after the decimal point");
                }
            }
            expect(text, at, 'Z');
            for (int i = fractionDigits; i < MICRO_DIGITS; i++) {
                micros *= 10;
            }
            return seconds * 1_000_000 + micros;
        } catch (RuntimeException e) {
            int end = Math.min(text.length, from + 32);
            throw new IllegalArgumentException(
                    "not an ISO-8601 UTC instant at byte " + from + ": \"" + new String(text, from, end - from) + "\" ("
                            + e.getMessage() + ")",
                    e);
        }
    }

    private static int digits(byte[] text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("a digit expected at byte " + i);
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static void expect(byte[] text, int at, char expected) {
        if (at >= text.length || text[at] != expected) {
            throw new IllegalArgumentException("'" + expected + "' expected at byte " + at);
        }
    }
}
