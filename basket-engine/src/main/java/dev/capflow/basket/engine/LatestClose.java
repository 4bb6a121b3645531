package dev.capflow.basket.engine;

import java.time.LocalDate;

/**
 * The latest price of a member (in its own currency) or the latest FX rate (in basket-currency units per unit), taken
 * as the close of its date: it replaces its series' close of that date, follows its last close, or is ignored when it
 * is older than the last close.
 */
public record LatestClose(LocalDate date, double value) {

    public LatestClose {
        if (date == null) {
            throw new BasketArgumentException("date", "the date of a latest close is required");
        }
    }

    int epochDay() {
        return Math.toIntExact(date.toEpochDay());
    }

    /** Whether this close changes {@code series}: it is not older than the series' last close. */
    boolean counts(TimeSeries series) {
        return series.isEmpty() || epochDay() >= series.epochDay(series.size() - 1);
    }

    /** {@code series} with this close applied (the series itself when this close is older than its last close). */
    public TimeSeries appliedTo(TimeSeries series) {
        if (!counts(series)) {
            return series;
        }
        // by arrays: it runs for every member of every watched basket at each live level
        int size = series.size();
        int kept = size > 0 && series.epochDay(size - 1) == epochDay() ? size - 1 : size;
        int[] days = new int[kept + 1];
        double[] values = new double[kept + 1];
        System.arraycopy(series.daysView(), 0, days, 0, kept);
        System.arraycopy(series.valuesView(), 0, values, 0, kept);
        days[kept] = epochDay();
        values[kept] = value;
        return TimeSeries.wrap(days, values);
    }
}
