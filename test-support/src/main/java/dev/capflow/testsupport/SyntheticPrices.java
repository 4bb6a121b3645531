package dev.capflow.testsupport;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Deterministic synthetic daily closes for large baskets: symbol {@code L0000} + i trades every weekday except one in
 * 53 (a gap the engine carries the last close over), at a close that is a closed formula of i and the date.
 * {@code bench/large_basket_pandas.py} generates exactly the same data for the pandas reference fixtures.
 */
public final class SyntheticPrices {

    /** The day every formula counts from. */
    public static final LocalDate ORIGIN = LocalDate.of(2016, 1, 1);

    private SyntheticPrices() {}

    public static String symbol(int index) {
        return String.format("L%04d", index);
    }

    /** The index of a synthetic symbol, or -1 when {@code symbol} is not one. */
    public static int index(String symbol) {
        return symbol.matches("L\\d{4}") ? Integer.parseInt(symbol.substring(1)) : -1;
    }

    /** Whether symbol {@code index} has a close on {@code date}. */
    public static boolean trades(int index, LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY
                && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && (date.toEpochDay() + 7L * index) % 53 != 0;
    }

    /** The close of symbol {@code index} on {@code date}. */
    public static double close(int index, LocalDate date) {
        long t = date.toEpochDay() - ORIGIN.toEpochDay();
        return (10 + index % 37)
                * Math.exp(0.25 * Math.sin(t / (20.0 + index % 17) + index * 0.7) + t * (index % 11 - 5) * 2e-5);
    }
}
