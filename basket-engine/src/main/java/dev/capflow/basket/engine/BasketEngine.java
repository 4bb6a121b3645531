package dev.capflow.basket.engine;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Basket analytics (docs/design.md section 4): levels from member closes, performance over a window, and two baskets
 * compared. Stateless and thread-safe; every bad input raises a {@link BasketArgumentException} naming its field.
 */
public final class BasketEngine {

    /**
     * The level of {@code basket} on its calendar (the union of its members' price dates from the base date on, the
     * base date included), each member's close carried forward and converted to the basket currency.
     */
    public BasketLevels levels(BasketDefinition basket, MarketData data) {
        return LevelCalculator.compute(basket, MemberInputs.resolve(basket, data));
    }

    /** The levels, metrics and member contributions of {@code basket} over the query's window, clamped to its calendar. */
    public Performance performance(BasketLevels basket, PerformanceQuery query) {
        int[] calendar = basket.calendar();
        double[] levels = basket.levels();
        Window window = Window.resolve(calendar, query.from(), query.to());
        double[] benchmark = query.benchmark() == null ? null : alignBenchmark(query.benchmark(), calendar, window);
        Metrics metrics = MetricsCalculator.compute(calendar, levels, window, benchmark, query.riskFreeRate());
        List<Contribution> contributions = ContributionCalculator.compute(basket, window);
        TimeSeries series = TimeSeries.wrap(
                Arrays.copyOfRange(calendar, window.first(), window.last() + 1),
                Arrays.copyOfRange(levels, window.first(), window.last() + 1));
        return new Performance(series.firstDate(), series.lastDate(), series, metrics, contributions);
    }

    /**
     * Baskets {@code a} and {@code b} on the union of their calendars from the later of their base dates (and from
     * {@code from} when later), to {@code to} or the last close; a null bound takes its default.
     */
    public Comparison compare(BasketLevels a, BasketLevels b, LocalDate from, LocalDate to) {
        int start = Math.max(a.calendar()[0], b.calendar()[0]);
        TimeSeries seriesA = a.series();
        TimeSeries seriesB = b.series();
        int[] calendar = UnionCalendar.of(start, List.of(seriesA, seriesB));
        Window window = Window.resolve(calendar, from, to);
        int n = window.size();
        double[] levelsA = new double[n];
        double[] levelsB = new double[n];
        // both series start on or before the common start, so both align
        CarryForward.align(seriesA, calendar, window.first(), window.last(), levelsA);
        CarryForward.align(seriesB, calendar, window.first(), window.last(), levelsB);
        double[] spread = new double[n];
        double[] ratio = new double[n];
        for (int t = 0; t < n; t++) {
            spread[t] = (levelsA[t] / levelsA[0] - 1) - (levelsB[t] / levelsB[0] - 1);
            ratio[t] = levelsA[t] / levelsB[t];
        }
        int[] days = Arrays.copyOfRange(calendar, window.first(), window.last() + 1);
        return new Comparison(
                TimeSeries.wrap(days, levelsA),
                TimeSeries.wrap(days, levelsB),
                TimeSeries.wrap(days, spread),
                TimeSeries.wrap(days, ratio));
    }

    private static double[] alignBenchmark(TimeSeries benchmark, int[] calendar, Window window) {
        int bad = benchmark.firstNonPositive();
        if (bad >= 0) {
            throw new BasketArgumentException(
                    "benchmark",
                    "the benchmark value on " + benchmark.date(bad) + " is not positive: " + benchmark.value(bad));
        }
        double[] aligned = new double[window.size()];
        if (!CarryForward.align(benchmark, calendar, window.first(), window.last(), aligned)) {
            throw new BasketArgumentException(
                    "benchmark",
                    "the benchmark has no value at or before " + LocalDate.ofEpochDay(calendar[window.first()]));
        }
        return aligned;
    }
}
