package dev.capflow.basket.engine;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable daily series: strictly ascending dates (held as epoch days) and finite values, in two primitive arrays.
 */
public final class TimeSeries {

    private final int[] days;
    private final double[] values;
    private final boolean allPositive;

    private TimeSeries(int[] days, double[] values) {
        if (days.length != values.length) {
            throw new BasketArgumentException("values", days.length + " dates but " + values.length + " values");
        }
        boolean positive = true;
        for (int i = 0; i < days.length; i++) {
            if (i > 0 && days[i] <= days[i - 1]) {
                throw new BasketArgumentException(
                        "dates[" + i + "]",
                        LocalDate.ofEpochDay(days[i]) + " does not come after " + LocalDate.ofEpochDay(days[i - 1])
                                + " (dates must be strictly ascending)");
            }
            if (!Double.isFinite(values[i])) {
                throw new BasketArgumentException(
                        "values[" + i + "]",
                        "the value on " + LocalDate.ofEpochDay(days[i]) + " is not a finite number: " + values[i]);
            }
            positive &= values[i] > 0;
        }
        this.days = days;
        this.values = values;
        this.allPositive = positive;
    }

    /** A series from dates and values of the same length; both are copied. */
    public static TimeSeries of(List<LocalDate> dates, double[] values) {
        int[] days = new int[dates.size()];
        for (int i = 0; i < days.length; i++) {
            if (dates.get(i) == null) {
                throw new BasketArgumentException("dates[" + i + "]", "is missing");
            }
            days[i] = Math.toIntExact(dates.get(i).toEpochDay());
        }
        return new TimeSeries(days, values.clone());
    }

    /** A series from epoch days and values of the same length; both are copied. */
    public static TimeSeries ofEpochDays(int[] epochDays, double[] values) {
        return new TimeSeries(epochDays.clone(), values.clone());
    }

    /** A builder that appends points in ascending date order. */
    public static Builder builder() {
        return new Builder();
    }

    /** Wraps arrays the engine built itself, without copying them. */
    static TimeSeries wrap(int[] days, double[] values) {
        return new TimeSeries(days, values);
    }

    public int size() {
        return days.length;
    }

    public boolean isEmpty() {
        return days.length == 0;
    }

    public LocalDate date(int index) {
        return LocalDate.ofEpochDay(days[index]);
    }

    public int epochDay(int index) {
        return days[index];
    }

    public double value(int index) {
        return values[index];
    }

    public LocalDate firstDate() {
        return date(0);
    }

    public LocalDate lastDate() {
        return date(days.length - 1);
    }

    /** A copy of the values. */
    public double[] values() {
        return values.clone();
    }

    /** The index of the first value that is not strictly positive, or -1 when all are. */
    public int firstNonPositive() {
        if (allPositive) {
            return -1;
        }
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0)) {
                return i;
            }
        }
        return -1;
    }

    /** The points from index {@code from} on (this series when {@code from} is 0). */
    TimeSeries from(int from) {
        return from == 0
                ? this
                : new TimeSeries(
                        Arrays.copyOfRange(days, from, days.length), Arrays.copyOfRange(values, from, values.length));
    }

    /** The index of the last date at or before {@code epochDay}, or -1 when every date is later. */
    public int indexAtOrBefore(int epochDay) {
        int found = Arrays.binarySearch(days, epochDay);
        return found >= 0 ? found : -found - 2;
    }

    // the engine reads the arrays in place: TimeSeries never hands them out, so they cannot change
    int[] daysView() {
        return days;
    }

    double[] valuesView() {
        return values;
    }

    @Override
    public String toString() {
        return isEmpty()
                ? "TimeSeries[]"
                : "TimeSeries[" + size() + " points, " + firstDate() + ".." + lastDate() + "]";
    }

    /** Collects points in ascending date order into a {@link TimeSeries}. */
    public static final class Builder {

        private int[] days = new int[64];
        private double[] values = new double[64];
        private int size;

        private Builder() {}

        public Builder add(LocalDate date, double value) {
            if (date == null) {
                throw new BasketArgumentException("dates[" + size + "]", "is missing");
            }
            return addEpochDay(Math.toIntExact(date.toEpochDay()), value);
        }

        /** As {@link #add}, with the date as days since 1970-01-01 (no date object per point). */
        public Builder addEpochDay(int epochDay, double value) {
            if (size == days.length) {
                days = Arrays.copyOf(days, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            days[size] = epochDay;
            values[size] = value;
            size++;
            return this;
        }

        public TimeSeries build() {
            return new TimeSeries(Arrays.copyOf(days, size), Arrays.copyOf(values, size));
        }
    }
}
