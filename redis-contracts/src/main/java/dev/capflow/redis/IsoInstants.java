package dev.capflow.redis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#toString()} without a formatter: the price stream writes one per tick, and the formatter was a tenth
 * of ingest-service's publishing thread. The same text for every instant (years outside 1970-9999 are left to
 * {@link Instant#toString()}): {@code yyyy-MM-ddTHH:mm:ss}, the fraction in groups of three digits as needed, {@code Z}.
 */
final class IsoInstants {

    /** 9999-12-31T23:59:59Z: a later instant has a five-digit year, written with a sign. */
    private static final long LAST_FOUR_DIGIT_YEAR_SECOND = 253_402_300_799L;

    private static final int SECONDS_PER_DAY = 86_400;

    private IsoInstants() {}

    /** The text of {@code instant}, equal to its {@link Instant#toString()}. */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds > LAST_FOUR_DIGIT_YEAR_SECOND) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(seconds / SECONDS_PER_DAY);
        int secondOfDay = (int) (seconds % SECONDS_PER_DAY);
        byte[] text = new byte[30];
        put(text, 0, date.getYear(), 4);
        text[4] = '-';
        put(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        put(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        put(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        put(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        put(text, 17, secondOfDay % 60, 2);
        int length = 19;
        int nanos = instant.getNano();
        if (nanos != 0) {
            text[length++] = '.';
            if (nanos % 1_000_000 == 0) {
                put(text, length, nanos / 1_000_000, 3);
                length += 3;
            } else if (nanos % 1_000 == 0) {
                put(text, length, nanos / 1_000, 6);
                length += 6;
            } else {
                put(text, length, nanos, 9);
                length += 9;
            }
        }
        text[length++] = 'Z';
        return new String(text, 0, length, StandardCharsets.ISO_8859_1);
    }

    /** Writes {@code value} as {@code digits} decimal digits, zero-padded, at {@code at}. */
    private static void put(byte[] text, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
