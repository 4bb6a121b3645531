package dev.capflow.basket.market;

import dev.capflow.basket.engine.TimeSeries;
import java.time.LocalDate;

/** Daily closes extended by a live price: it replaces the close of its own date, or becomes a new last close. */
public final class LiveSeries {

    private LiveSeries() {}

    /** {@code series} with {@code price} as the close of {@code day}; unchanged when {@code day} is before its last date. */
    public static TimeSeries withClose(TimeSeries series, LocalDate day, double price) {
        if (!series.isEmpty() && day.isBefore(series.lastDate())) {
            return series;
        }
        TimeSeries.Builder extended = TimeSeries.builder();
        for (int i = 0; i < series.size() && series.date(i).isBefore(day); i++) {
            extended.add(series.date(i), series.value(i));
        }
        return extended.add(day, price).build();
    }
}
