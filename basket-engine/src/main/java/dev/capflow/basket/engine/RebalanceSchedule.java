package dev.capflow.basket.engine;

import java.time.LocalDate;
import java.util.Arrays;

/** The calendar indices at whose close a basket resets its units: the last calendar date of each month or quarter. */
final class RebalanceSchedule {

    private RebalanceSchedule() {}

    /** Ascending indices into {@code calendar}; the final calendar date is left out since no later level depends on it. */
    static int[] indices(Rebalance rule, int[] calendar) {
        if (rule == Rebalance.NONE || calendar.length < 2) {
            return new int[0];
        }
        int[] out = new int[calendar.length];
        int n = 0;
        LocalDate next = LocalDate.ofEpochDay(calendar[0]);
        for (int t = 0; t < calendar.length - 1; t++) {
            LocalDate current = next;
            next = LocalDate.ofEpochDay(calendar[t + 1]);
            boolean monthEnd = current.getMonthValue() != next.getMonthValue() || current.getYear() != next.getYear();
            if (monthEnd && (rule == Rebalance.MONTHLY || current.getMonthValue() % 3 == 0)) {
                out[n++] = t;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
