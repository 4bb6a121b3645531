package dev.capflow.basket.engine;

import java.util.Arrays;
import java.util.List;

/**
 * Builds the level series: units {@code w_i * level / P_i} set at the base date and reset at each rebalance close; the
 * level moves by {@code units_i * (P_i(new) - P_i(old))} whenever a member's close or FX rate changes. Changes are
 * summed per day of the span, so each member's closes are visited once and no price matrix is built.
 */
final class LevelCalculator {

    private LevelCalculator() {}

    static BasketLevels compute(BasketDefinition definition, MemberInputs inputs) {
        return compute(
                definition, inputs, Math.toIntExact(definition.baseDate().toEpochDay()), definition.baseValue(), null);
    }

    /**
     * The levels from {@code baseDay} on, where the level is {@code baseLevel} and {@code heldUnits} are held (null:
     * bought at the target weights, as on the base date); the rebalancing rule applies from that day on, so a later
     * calendar date of a basket resumes its levels exactly.
     */
    static BasketLevels compute(
            BasketDefinition definition, MemberInputs inputs, int baseDay, double baseLevel, double[] heldUnits) {
        List<TimeSeries> closes = inputs.closes();
        DaySpan span = new DaySpan(baseDay, UnionCalendar.lastDay(baseDay, closes));
        int[] rebalanceDays = rebalanceDays(definition.rebalance(), span, closes);
        int memberCount = closes.size();
        double[] weights = normalizedWeights(definition.members());
        MemberCursor[] members = new MemberCursor[memberCount];
        for (int i = 0; i < memberCount; i++) {
            members[i] = new MemberCursor(closes.get(i), inputs.fx().get(i), baseDay);
        }

        double[] change = new double[span.length()];
        int[] calendar = new int[span.length()];
        double[] levels = new double[span.length()];
        int[] starts = new int[rebalanceDays.length + 1];
        double[][] units = new double[starts.length][];
        double[][] boundaries = new double[starts.length + 1][];
        double level = baseLevel;
        calendar[0] = baseDay;
        levels[0] = level;
        int dates = 1;
        for (int k = 0; k < starts.length; k++) {
            int endDay = k < rebalanceDays.length ? rebalanceDays[k] : span.endDay;
            units[k] = new double[memberCount];
            boundaries[k] = prices(members);
            for (int i = 0; i < memberCount; i++) {
                units[k][i] = k == 0 && heldUnits != null ? heldUnits[i] : weights[i] * level / boundaries[k][i];
                members[i].addChanges(units[k][i], endDay, span, change);
            }
            // a change on a day outside the calendar (an FX quote on a holiday) shows in the next calendar date's level
            for (int day = calendar[dates - 1] + 1; day <= endDay; day++) {
                level += change[day - baseDay];
                if (span.isMarked(day)) {
                    calendar[dates] = day;
                    levels[dates++] = level;
                }
            }
            if (k + 1 < starts.length) {
                starts[k + 1] = dates - 1;
            }
        }
        boundaries[starts.length] = prices(members);
        return new BasketLevels(
                definition,
                Arrays.copyOf(calendar, dates),
                Arrays.copyOf(levels, dates),
                closes,
                inputs.fx(),
                starts,
                units,
                boundaries);
    }

    /** Rebalancing needs the whole calendar first (its last date in each month); buy-and-hold marks dates as it goes. */
    private static int[] rebalanceDays(Rebalance rule, DaySpan span, List<TimeSeries> closes) {
        if (rule == Rebalance.NONE) {
            return new int[0];
        }
        for (TimeSeries series : closes) {
            span.markAll(series);
        }
        int[] calendar = span.markedDays();
        return Arrays.stream(RebalanceSchedule.indices(rule, calendar))
                .map(t -> calendar[t])
                .toArray();
    }

    private static double[] prices(MemberCursor[] members) {
        double[] prices = new double[members.length];
        for (int i = 0; i < members.length; i++) {
            prices[i] = members[i].price;
        }
        return prices;
    }

    // weights may sum to 1 only within 1e-9: dividing by their sum makes the units add up to exactly the level
    private static double[] normalizedWeights(List<BasketMember> members) {
        double sum = 0;
        for (BasketMember member : members) {
            sum += member.weight();
        }
        double[] weights = new double[members.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = members.get(i).weight() / sum;
        }
        return weights;
    }

    /** One member walked forward through its closes (and FX rates): the points in effect and its basket-currency price. */
    private static final class MemberCursor {

        private final int[] closeDays;
        private final double[] closeValues;
        private final int[] rateDays;
        private final double[] rateValues;
        private int close;
        private int rate;
        private double price;

        MemberCursor(TimeSeries closes, TimeSeries fx, int baseDay) {
            closeDays = closes.daysView();
            closeValues = closes.valuesView();
            close = closes.indexAtOrBefore(baseDay);
            rateDays = fx == null ? null : fx.daysView();
            rateValues = fx == null ? null : fx.valuesView();
            rate = fx == null ? -1 : fx.indexAtOrBefore(baseDay);
            price = fx == null ? closeValues[close] : closeValues[close] * rateValues[rate];
        }

        /** Moves to {@code endDay}, adding {@code units * (new price - old price)} at each day the price changes. */
        void addChanges(double units, int endDay, DaySpan span, double[] change) {
            if (rateDays == null) {
                addCloseChanges(units, endDay, span, change);
            } else {
                addConvertedChanges(units, endDay, span, change);
            }
        }

        /** In the basket currency the price changes only with the close: visit the closes, not every day. */
        private void addCloseChanges(double units, int endDay, DaySpan span, double[] change) {
            // a counted loop up to the last close in the period lets the JIT drop bounds checks and unroll
            int last = lastIndexAtOrBefore(closeDays, endDay);
            int startDay = span.startDay;
            int[] marks = span.marks;
            double previous = price;
            for (int j = close + 1; j <= last; j++) {
                int offset = closeDays[j] - startDay;
                double value = closeValues[j];
                marks[offset] = 1;
                change[offset] += units * (value - previous);
                previous = value;
            }
            close = Math.max(close, last);
            price = previous;
        }

        /** A converted price changes with the close and with the rate: merge both series' dates. */
        private void addConvertedChanges(double units, int endDay, DaySpan span, double[] change) {
            int lastClose = closeDays.length - 1;
            int lastRate = rateDays.length - 1;
            while (true) {
                int nextClose = close < lastClose ? closeDays[close + 1] : Integer.MAX_VALUE;
                int nextRate = rate < lastRate ? rateDays[rate + 1] : Integer.MAX_VALUE;
                int day = Math.min(nextClose, nextRate);
                if (day > endDay) {
                    return;
                }
                if (nextClose == day) {
                    close++;
                    span.marks[day - span.startDay] = 1;
                }
                if (nextRate == day) {
                    rate++;
                }
                double next = closeValues[close] * rateValues[rate];
                change[day - span.startDay] += units * (next - price);
                price = next;
            }
        }

        private static int lastIndexAtOrBefore(int[] days, int day) {
            if (days[days.length - 1] <= day) {
                return days.length - 1;
            }
            int found = Arrays.binarySearch(days, day);
            return found >= 0 ? found : -found - 2;
        }
    }
}
