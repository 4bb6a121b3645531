package dev.capflow.gateway.request;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * {@link LocalDate#parse(CharSequence)}'s answer without its formatter for the plain {@code yyyy-MM-dd} form, which
 * every basket answer's window is written in (the formatter's resolving was a measured part of each answer). Any
 * other text, and a plain one that is no date, goes to {@code LocalDate.parse}, so what is accepted, and the exception
 * of what is refused, stay its own.
 */
final class IsoDates {

    private IsoDates() {}

    static LocalDate parse(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0
                    && month >= 1
                    && month <= 12
                    && day >= 1
                    && day <= Month.of(month).length(Year.isLeap(year))) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(text);
    }

    /** The number {@code text}'s ASCII digits write from {@code start} to {@code end}; -1 if any is not a digit. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
