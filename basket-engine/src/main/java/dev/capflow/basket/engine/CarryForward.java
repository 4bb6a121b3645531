package dev.capflow.basket.engine;

/** Aligns a series on a calendar, carrying the last value forward (never backward). */
final class CarryForward {

    private CarryForward() {}

    /**
     * The value of {@code series} at or before each calendar day in {@code [from, to]}, written to {@code out[0..]};
     * returns false, writing nothing, when the series has no value at or before {@code calendar[from]}.
     */
    static boolean align(TimeSeries series, int[] calendar, int from, int to, double[] out) {
        int j = series.indexAtOrBefore(calendar[from]);
        if (j < 0) {
            return false;
        }
        int[] days = series.daysView();
        double[] values = series.valuesView();
        int last = days.length - 1;
        for (int t = from; t <= to; t++) {
            int day = calendar[t];
            while (j < last && days[j + 1] <= day) {
                j++;
            }
            out[t - from] = values[j];
        }
        return true;
    }
}
