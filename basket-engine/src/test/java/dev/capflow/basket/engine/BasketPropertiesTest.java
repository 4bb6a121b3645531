package dev.capflow.basket.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/** Invariants of the basket math over random baskets, calendars with gaps, FX members and rebalancing rules. */
class BasketPropertiesTest {

    private final BasketEngine engine = new BasketEngine();

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, 8),
                Arbitraries.integers().between(1, 120), Arbitraries.of(Rebalance.class)).as(Scenario::random);
    }

    @Provide
    Arbitrary<Scenario> movingTogether() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, 8),
                Arbitraries.integers().between(2, 150), Arbitraries.of(Rebalance.MONTHLY, Rebalance.QUARTERLY))
                .as(Scenario::movingTogetherAtMonthEnds);
    }

    @Property
    void theLevelAtTheBaseDateIsTheBaseValue(@ForAll("scenarios") Scenario scenario) {
        BasketLevels levels = engine.levels(scenario.definition(), scenario.data());

        assertThat(levels.firstDate()).isEqualTo(scenario.definition().baseDate());
        assertRelative(levels.series().value(0), scenario.definition().baseValue(), 1e-13);
    }

    @Property
    void contributionsSumToTheTotalReturn(@ForAll("scenarios") Scenario scenario,
            @ForAll @IntRange(min = 0, max = 200) int start, @ForAll @IntRange(min = 0, max = 200) int length) {
        BasketLevels levels = engine.levels(scenario.definition(), scenario.data());
        TimeSeries series = levels.series();
        int first = Math.min(start, series.size() - 1);
        int last = Math.min(first + length, series.size() - 1);
        Performance performance = engine.performance(levels, PerformanceQuery.between(series.date(first), series.date(last)));

        double sum = performance.contributions().stream().mapToDouble(Contribution::contribution).sum();
        double total = performance.metrics().totalReturn();
        assertThat(Math.abs(sum - total)).as("sum %s vs total %s", sum, total).isLessThanOrEqualTo(1e-12 * Math.max(1, Math.abs(total)));
    }

    @Property
    void rebalancingWhileRelativePricesAreUnchangedChangesNothing(@ForAll("movingTogether") Scenario scenario) {
        double[] rebalanced = engine.levels(scenario.definition(), scenario.data()).series().values();
        Scenario held = scenario.withRebalance(Rebalance.NONE);
        double[] buyAndHold = engine.levels(held.definition(), held.data()).series().values();

        assertThat(rebalanced).hasSameSizeAs(buyAndHold);
        for (int t = 0; t < rebalanced.length; t++) {
            assertRelative(rebalanced[t], buyAndHold[t], 1e-12);
        }
    }

    @Property
    void scalingAMembersPricesOrAllPricesLeavesReturnsUnchanged(@ForAll("scenarios") Scenario scenario,
            @ForAll @DoubleRange(min = 1e-3, max = 1e3) @Scale(6) double factor, @ForAll @IntRange(min = -1, max = 7) int member) {
        int scaledMember = Math.min(member, scenario.closes().size() - 1);
        BasketLevels original = engine.levels(scenario.definition(), scenario.data());
        BasketLevels scaled = engine.levels(scenario.definition(), scenario.scaled(scaledMember, price -> price * factor));

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
    }

    private static void assertRelative(double actual, double expected, double relative) {
        assertThat(Math.abs(actual - expected)).as("%s vs %s", actual, expected)
                .isLessThanOrEqualTo(relative * Math.abs(expected));
    }
}
