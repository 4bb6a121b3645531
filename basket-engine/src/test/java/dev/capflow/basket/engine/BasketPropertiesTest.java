package dev.capflow.basket.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.capflow.randomcases.RandomCases;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the basket math over random baskets, calendars with gaps, FX members and rebalancing rules: each
 * checked on 300 seeded, repeatable cases (see {@link RandomCases}).
 */
class BasketPropertiesTest {

    private static final int CASES = 300;

    private final BasketEngine engine = new BasketEngine();

    /** A random scenario of 1 to 8 members over 1 to 120 trading days. */
    private static Scenario scenario(RandomCases draw) {
        return Scenario.random(
                draw.anyLong("seed"),
                draw.between("members", 1, 8),
                draw.between("days", 1, 120),
                draw.oneOf("rule", Rebalance.values()));
    }

    /** A scenario of 1 to 8 members over 2 to 150 days whose relative prices are unchanged at month ends. */
    private static Scenario movingTogether(RandomCases draw) {
        return Scenario.movingTogetherAtMonthEnds(
                draw.anyLong("seed"),
                draw.between("members", 1, 8),
                draw.between("days", 2, 150),
                draw.oneOf("rule", Rebalance.MONTHLY, Rebalance.QUARTERLY));
    }

    @Test
    void theLevelAtTheBaseDateIsTheBaseValue() {
        RandomCases.check(20_261_204L, CASES, draw -> {
            Scenario scenario = scenario(draw);
            BasketLevels levels = engine.levels(scenario.definition(), scenario.data());

            assertThat(levels.firstDate()).isEqualTo(scenario.definition().baseDate());
            assertRelative(levels.series().value(0), scenario.definition().baseValue(), 1e-13);
        });
    }

    @Test
    void contributionsSumToTheTotalReturn() {
        RandomCases.check(31_415_926L, CASES, draw -> {
            Scenario scenario = scenario(draw);
            int start = draw.between("start", 0, 200);
            int length = draw.between("length", 0, 200);
            BasketLevels levels = engine.levels(scenario.definition(), scenario.data());
            TimeSeries series = levels.series();
            int first = Math.min(start, series.size() - 1);
            int last = Math.min(first + length, series.size() - 1);
            Performance performance =
                    engine.performance(levels, PerformanceQuery.between(series.date(first), series.date(last)));

            double sum = performance.contributions().stream()
                    .mapToDouble(Contribution::contribution)
                    .sum();
            double total = performance.metrics().totalReturn();
            assertThat(Math.abs(sum - total))
                    .as("sum %s vs total %s", sum, total)
                    .isLessThanOrEqualTo(1e-12 * Math.max(1, Math.abs(total)));
        });
    }

    @Test
    void aFigureIsNaNExactlyWhenItsReasonIsGiven() {
        RandomCases.check(27_182_818L, CASES, draw -> {
            Scenario scenario = scenario(draw);
            BasketLevels levels = engine.levels(scenario.definition(), scenario.data());
            TimeSeries series = levels.series();
            int first = Math.min(draw.between("start", 0, 200), series.size() - 1);
            int last = Math.min(first + draw.between("length", 0, 300), series.size() - 1);
            PerformanceQuery query = PerformanceQuery.between(series.date(first), series.date(last));
            // the basket's own levels as benchmark: beta and correlation defined whenever its returns vary
            Metrics metrics = engine.performance(
                            levels, draw.oneOf("benchmark", true, false) ? query.withBenchmark(series) : query)
                    .metrics();

            for (Metric metric : Metric.values()) {
                assertThat(Double.isNaN(metrics.value(metric)))
                        .as(
                                "%s = %s, reason %s",
                                metric,
                                metrics.value(metric),
                                metrics.undefined().get(metric))
                        .isEqualTo(metrics.undefined().containsKey(metric));
                assertThat(Double.isInfinite(metrics.value(metric)))
                        .as(metric.name())
                        .isFalse();
            }
        });
    }

    @Test
    void rebalancingWhileRelativePricesAreUnchangedChangesNothing() {
        RandomCases.check(27_182_818L, CASES, draw -> {
            Scenario scenario = movingTogether(draw);
            double[] rebalanced = engine.levels(scenario.definition(), scenario.data())
                    .series()
                    .values();
            Scenario held = scenario.withRebalance(Rebalance.NONE);
            double[] buyAndHold =
                    engine.levels(held.definition(), held.data()).series().values();

            assertThat(rebalanced).hasSameSizeAs(buyAndHold);
            for (int t = 0; t < rebalanced.length; t++) {
                assertRelative(rebalanced[t], buyAndHold[t], 1e-12);
            }
        });
    }

    @Test
    void scalingAMembersPricesOrAllPricesLeavesReturnsUnchanged() {
        RandomCases.check(16_180_339L, CASES, draw -> {
            Scenario scenario = scenario(draw);
            // a factor in [1e-3, 1e3] with 6 decimals; member -1 scales every member
            double factor = Math.round(draw.between("factor", 1e-3, 1e3) * 1e6) / 1e6;
            int member = draw.between("member", -1, 7);
            int scaledMember = Math.min(member, scenario.closes().size() - 1);
            BasketLevels original = engine.levels(scenario.definition(), scenario.data());
            BasketLevels scaled =
                    engine.levels(scenario.definition(), scenario.scaled(scaledMember, price -> price * factor));

            double[] before = original.series().values();
            double[] after = scaled.series().values();
            for (int t = 0; t < before.length; t++) {
                assertRelative(after[t], before[t], 1e-12);
            }
            Performance a = engine.performance(original, PerformanceQuery.full());
            Performance b = engine.performance(scaled, PerformanceQuery.full());
            assertThat(b.metrics().totalReturn()).isCloseTo(a.metrics().totalReturn(), within(1e-12));
            List<Contribution> ca = a.contributions();
            List<Contribution> cb = b.contributions();
            for (int i = 0; i < ca.size(); i++) {
                assertThat(cb.get(i).contribution()).isCloseTo(ca.get(i).contribution(), within(1e-12));
                assertThat(cb.get(i).priceReturn()).isCloseTo(ca.get(i).priceReturn(), within(1e-12));
            }
        });
    }

    private static void assertRelative(double actual, double expected, double relative) {
        assertThat(Math.abs(actual - expected))
                .as("%s vs %s", actual, expected)
                .isLessThanOrEqualTo(relative * Math.abs(expected));
    }
}
