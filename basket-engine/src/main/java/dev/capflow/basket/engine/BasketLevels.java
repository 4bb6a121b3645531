package dev.capflow.basket.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A basket's level on every date of its calendar, with what it was built from (member closes, FX series, the units
 * held in each period between rebalances and the member prices where those periods meet), so performance windows
 * and contributions need no recomputation.
 */
public final class BasketLevels {

    private final BasketDefinition definition;
    private final int[] calendar;
    private final double[] levels;
    private final List<TimeSeries> closes;
    private final List<TimeSeries> fx;
    private final int[] segmentStarts;
    private final double[][] segmentUnits;
    private final double[][] boundaryPrices;

    BasketLevels(
            BasketDefinition definition,
            int[] calendar,
            double[] levels,
            List<TimeSeries> closes,
            List<TimeSeries> fx,
            int[] segmentStarts,
            double[][] segmentUnits,
            double[][] boundaryPrices) {
        this.definition = definition;
        this.calendar = calendar;
        this.levels = levels;
        this.closes = closes;
        this.fx = fx;
        this.segmentStarts = segmentStarts;
        this.segmentUnits = segmentUnits;
        this.boundaryPrices = boundaryPrices;
    }

    public BasketDefinition definition() {
        return definition;
    }

    /** The level on every calendar date, from the base date to the last close. */
    public TimeSeries series() {
        return TimeSeries.wrap(calendar, levels);
    }

    public int size() {
        return calendar.length;
    }

    public LocalDate firstDate() {
        return LocalDate.ofEpochDay(calendar[0]);
    }

    public LocalDate lastDate() {
        return LocalDate.ofEpochDay(calendar[calendar.length - 1]);
    }

    /** The dates at whose close units were reset to the target weights (empty for buy-and-hold). */
    public List<LocalDate> rebalanceDates() {
        List<LocalDate> dates = new ArrayList<>(segmentStarts.length - 1);
        for (int k = 1; k < segmentStarts.length; k++) {
            dates.add(LocalDate.ofEpochDay(calendar[segmentStarts[k]]));
        }
        return dates;
    }

    int[] calendar() {
        return calendar;
    }

    double[] levels() {
        return levels;
    }

    int memberCount() {
        return closes.size();
    }

    /** Member {@code member}'s close at calendar index {@code t}, carried forward and in the basket currency. */
    double priceAt(int member, int t) {
        double close = valueAtOrBefore(closes.get(member), calendar[t]);
        return fx.get(member) == null ? close : close * valueAtOrBefore(fx.get(member), calendar[t]);
    }

    private static double valueAtOrBefore(TimeSeries series, int day) {
        return series.value(series.indexAtOrBefore(day));
    }

    /** Index where each holding period's units were set: 0, then every rebalance index. */
    int[] segmentStarts() {
        return segmentStarts;
    }

    /** The units held in each period, {@code [period][member]}. */
    double[][] segmentUnits() {
        return segmentUnits;
    }

    /** The units held over the days up to calendar index {@code t}, before any reset at its close (at 0: the base units). */
    double[] unitsHeldAt(int t) {
        int k = 0;
        while (k + 1 < segmentStarts.length && segmentStarts[k + 1] < t) {
            k++;
        }
        return segmentUnits[k];
    }

    /** Member prices at each period's start and, last, at the final calendar date: {@code [period][member]}. */
    double[][] boundaryPrices() {
        return boundaryPrices;
    }
}
