package dev.capflow.basket.engine;

import java.util.List;

/** The union of several series' dates from a start day on (the start day always included), as ascending epoch days. */
final class UnionCalendar {

    private UnionCalendar() {}

    static int[] of(int startDay, List<TimeSeries> series) {
        DaySpan span = new DaySpan(startDay, lastDay(startDay, series));
        for (TimeSeries s : series) {
            span.markAll(s);
        }
        return span.markedDays();
    }

    /** The latest date of any series, or {@code startDay} when that is later. */
    static int lastDay(int startDay, List<TimeSeries> series) {
        int endDay = startDay;
        for (TimeSeries s : series) {
            if (!s.isEmpty()) {
                endDay = Math.max(endDay, s.epochDay(s.size() - 1));
            }
        }
        return endDay;
    }
}
