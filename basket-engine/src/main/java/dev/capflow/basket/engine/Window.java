package dev.capflow.basket.engine;

import java.time.LocalDate;
import java.util.Arrays;

/** The inclusive index range {@code [first, last]} of a calendar that falls within {@code [from, to]}. */
record Window(int first, int last) {

    /**
     * Clamps {@code [from, to]} to the calendar (a null bound means its first or last date): a window starting on a day
     * without a level (a holiday, a weekend) starts at the next calendar date, as a pandas {@code .loc[from:to]} slice
     * does; fails, naming the bound, when no calendar date is left. The calendar holds the history fetched up to
     * {@code to}, so past its last date only a null {@code to} means "after the last close".
     */
    static Window resolve(int[] calendar, LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new BasketArgumentException("from", "from " + from + " is after to " + to);
        }
        int firstDay = calendar[0];
        int lastDay = calendar[calendar.length - 1];
        int fromDay = from == null ? firstDay : Math.toIntExact(from.toEpochDay());
        int toDay = to == null ? lastDay : Math.toIntExact(to.toEpochDay());
        if (toDay < firstDay) {
            throw new BasketArgumentException(
                    "to", "to " + to + " is before the first level, on " + LocalDate.ofEpochDay(firstDay));
        }
        if (fromDay > lastDay && to == null) {
            throw new BasketArgumentException(
                    "from", "from " + from + " is after the last close, on " + LocalDate.ofEpochDay(lastDay));
        }
        int first = ceilingIndex(calendar, fromDay);
        int last = floorIndex(calendar, toDay);
        if (first > last) {
            throw new BasketArgumentException(
                    "from",
                    "no trading day between " + from + " and " + to + ": the basket has no level dated in that window");
        }
        return new Window(first, last);
    }

    /** The number of calendar dates in the window. */
    int size() {
        return last - first + 1;
    }

    private static int ceilingIndex(int[] calendar, int day) {
        int found = Arrays.binarySearch(calendar, day);
        return found >= 0 ? found : -found - 1;
    }

    private static int floorIndex(int[] calendar, int day) {
        int found = Arrays.binarySearch(calendar, day);
        return found >= 0 ? found : -found - 2;
    }
}
