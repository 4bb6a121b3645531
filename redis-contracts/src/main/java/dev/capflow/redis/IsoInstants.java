package dev.capflow.redis;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#toString()} and {@link Instant#parse} without a formatter, for the {@code ts} of the price stream's
 * tick entries: writing it was a tenth of ingest-service's publishing thread, reading it a large share of every
 * reader's. The same text for every instant (years outside 1970-9999 are left to
 * {@link Instant#toString()}): {@code yyyy-MM-ddTHH:mm:ss}, the fraction in groups of three digits as needed, {@code Z}.
 */
final class IsoInstants {

    /** 9999-12-31T23:59:59Z: a later instant has a five-digit year, written with a sign. */
    private static final long LAST_FOUR_DIGIT_YEAR_SECOND = 253_402_300_799L;

    private static final int SECONDS_PER_DAY = 86_400;

    private IsoInstants() {}

    /** The text of {@code instant}, equal to its {@link Instant#toString()}. */
    static String format(Instant instant) {
        return new Writer().append(new StringBuilder(30), instant).toString();
    }

    /**
     * Appends the text of instants, as {@link #format} writes it, keeping the date and time of the last second it
     * wrote: the ticks of a packed entry mostly share their second, so most pay only for their fraction. One thread.
     */
    static final class Writer {

        private final char[] secondText = new char[19];
        private final char[] fraction = new char[10];
        private long second = -1;

        /** Appends the text of {@code instant} to {@code text}. */
        StringBuilder append(StringBuilder text, Instant instant) {
            long seconds = instant.getEpochSecond();
            if (seconds < 0 || seconds > LAST_FOUR_DIGIT_YEAR_SECOND) {
                return text.append(instant);
            }
            if (seconds != second) {
                writeSecond(seconds);
                second = seconds;
            }
            text.append(secondText);
            int nanos = instant.getNano();
            if (nanos != 0) {
                fraction[0] = '.';
                if (nanos % 1_000_000 == 0) {
                    put(fraction, 1, nanos / 1_000_000, 3);
                    text.append(fraction, 0, 4);
                } else if (nanos % 1_000 == 0) {
                    put(fraction, 1, nanos / 1_000, 6);
                    text.append(fraction, 0, 7);
                } else {
                    put(fraction, 1, nanos, 9);
                    text.append(fraction, 0, 10);
                }
            }
            return text.append('Z');
        }

        /** {@code yyyy-MM-ddTHH:mm:ss} of {@code seconds} into {@link #secondText}. */
        private void writeSecond(long seconds) {
            LocalDate date = LocalDate.ofEpochDay(seconds / SECONDS_PER_DAY);
            int secondOfDay = (int) (seconds % SECONDS_PER_DAY);
            put(secondText, 0, date.getYear(), 4);
            secondText[4] = '-';
            put(secondText, 5, date.getMonthValue(), 2);
            secondText[7] = '-';
            put(secondText, 8, date.getDayOfMonth(), 2);
            secondText[10] = 'T';
            put(secondText, 11, secondOfDay / 3600, 2);
            secondText[13] = ':';
            put(secondText, 14, secondOfDay / 60 % 60, 2);
            secondText[16] = ':';
            put(secondText, 17, secondOfDay % 60, 2);
        }
    }

    /** Writes {@code value} as {@code digits} decimal digits, zero-padded, at {@code at}. */
    private static void put(char[] text, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static final int FRACTION_START = 20;

    /**
     * {@code text} back to an {@link Instant}: the form {@link #format} and {@link Instant#toString} write,
     * {@code yyyy-MM-ddTHH:mm:ss[.f...]Z}, read directly (readers decode every entry of the stream on their event loop,
     * and {@link Instant#parse} was a large share of that work and its garbage), anything else by {@link Instant#parse},
     * so the answer and the failures are those of {@link Instant#parse}.
     */
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
