package dev.capflow.basket.engine;

import java.util.List;

/** A series converted into another currency with an FX series, as docs/design.md section 4 converts member prices. */
public final class FxConversion {

    private FxConversion() {}

    /**
     * {@code prices * rate} on every date of either series from the first date on which both have a value, each carried
     * forward (never backward) over the other's dates: {@code rate} is target-currency units per one unit of the
     * prices' currency, observed on its date. Empty when either is.
     */
    public static TimeSeries convert(TimeSeries prices, TimeSeries rate) {
        if (prices.isEmpty() || rate.isEmpty()) {
            return TimeSeries.wrap(new int[0], new double[0]);
        }
        // from the later first date on, both series have a value at or before every date
        int start = Math.max(prices.epochDay(0), rate.epochDay(0));
        int[] days = UnionCalendar.of(start, List.of(prices, rate));
        double[] price = new double[days.length];
        double[] fx = new double[days.length];
        CarryForward.align(prices, days, 0, days.length - 1, price);
        CarryForward.align(rate, days, 0, days.length - 1, fx);
        double[] converted = new double[days.length];
        for (int t = 0; t < days.length; t++) {
            converted[t] = price[t] * fx[t];
        }
        return TimeSeries.wrap(days, converted);
    }
}
