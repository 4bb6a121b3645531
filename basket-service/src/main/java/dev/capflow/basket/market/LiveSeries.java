package dev.capflow.basket.market;

import dev.capflow.basket.engine.TimeSeries;
import java.time.LocalDate;

/** Daily closes extended by a live price: it replaces the close of its own date, or becomes a new last close. */
public final class LiveSeries {

    private LiveSeries() {}

    /**
     * {@code series} with {@code price} as the close of {@code day}; unchanged when {@code day} is before its last date.
     * By epoch days and arrays: it runs for every member of every watched basket at each live level.
     */
    public static TimeSeries withClose(TimeSeries series, LocalDate day, double price) {
        int epochDay = Math.toIntExact(day.toEpochDay());
        int size = series.size();
        if (size > 0 && epochDay < series.epochDay(size - 1)) {
            return series;
        }
        int kept = size > 0 && series.epochDay(size - 1) == epochDay ? size - 1 : size;
        int[] days = new int[kept + 1];
        double[] values = new double[kept + 1];
        for (int i = 0; i < kept; i++) {
            days[i] = series.epochDay(i);
            values[i] = series.value(i);
        }
        days[kept] = epochDay;
        values[kept] = price;
        return TimeSeries.ofEpochDays(days, values);
    }
}
