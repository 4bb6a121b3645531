package dev.capflow.ingest.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The dates (days since 1970-01-01) and closes of one symbol's daily bars, ascending by date, as two parallel
 * columns: what an answer computed from closes needs, without an object per bar.
 */
public record CloseSeries(String symbol, int[] epochDays, double[] closes) {

    public static CloseSeries empty(String symbol) {
        return new CloseSeries(symbol, new int[0], new double[0]);
    }

    /** The dates and closes of {@code bars} (one symbol, ascending dates). */
    public static CloseSeries of(String symbol, List<DailyBar> bars) {
        int[] days = new int[bars.size()];
        double[] closes = new double[bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            days[i] = Math.toIntExact(bars.get(i).date().toEpochDay());
            closes[i] = bars.get(i).close();
        }
        return new CloseSeries(symbol, days, closes);
    }

    /**
     * The series of {@code epochDays} and their {@code closes} (parallel columns, distinct dates, in any order),
     * ascending by date: as given when already ascending (one pass), else sorted here.
     */
    public static CloseSeries byDate(String symbol, int[] epochDays, double[] closes) {
        for (int i = 1; i < epochDays.length; i++) {
            if (epochDays[i - 1] >= epochDays[i]) {
                return sorted(symbol, epochDays, closes);
            }
        }
        return new CloseSeries(symbol, epochDays, closes);
    }

    /** Sorts by date through keys of the date (high half) and the original position (low half): no object per bar. */
    private static CloseSeries sorted(String symbol, int[] epochDays, double[] closes) {
        long[] keys = new long[epochDays.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ((long) epochDays[i] << 32) | i;
        }
        Arrays.sort(keys);
        int[] days = new int[keys.length];
        double[] sortedCloses = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            int from = (int) keys[i];
            days[i] = epochDays[from];
            sortedCloses[i] = closes[from];
        }
        return new CloseSeries(symbol, days, sortedCloses);
    }

    public int size() {
        return epochDays.length;
    }

    /** The closes dated on or before {@code to}. */
    public CloseSeries upTo(LocalDate to) {
        int end = size();
        long last = to.toEpochDay();
        while (end > 0 && epochDays[end - 1] > last) {
            end--;
        }
        return end == size()
                ? this
                : new CloseSeries(symbol, Arrays.copyOf(epochDays, end), Arrays.copyOf(closes, end));
    }
}
