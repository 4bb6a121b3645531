package dev.capflow.basket.engine;

import static dev.capflow.basket.engine.Series.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every bad input is rejected with a {@link BasketArgumentException} naming the field and, where there is one, the member. */
class BasketValidationTest {

    private static final LocalDate BASE = date("2024-01-02");

    private final BasketEngine engine = new BasketEngine();

    private static BasketDefinition basket(BasketMember... members) {
        return BasketDefinition.of("USD", BASE, Rebalance.NONE, List.of(members));
    }

    private static void assertRejected(ThrowingCallable call, String field, String reasonPart) {
        BasketArgumentException error = catchThrowableOfType(BasketArgumentException.class, call);
        assertThat(error).as("expected a BasketArgumentException").isNotNull();
        assertThat(error.field()).isEqualTo(field);
        assertThat(error.reason()).contains(reasonPart);
        assertThat(error.getMessage()).startsWith(field + ": ");
    }

    @Test
    void weightsMustSumToOneWithinOneBillionth() {
        assertRejected(
                () -> basket(new BasketMember("A", 0.5), new BasketMember("B", 0.4)), "members[1].weight", "sum to 1");
        assertRejected(
                () -> basket(new BasketMember("A", 0.5), new BasketMember("B", 0.5 + 2e-9)),
                "members[1].weight",
                "sum to 1");
        assertThat(basket(new BasketMember("A", 0.5), new BasketMember("B", 0.5 + 5e-10))
                        .members())
                .hasSize(2);
    }

    @Test
    void weightsOverOneNameTheMemberThatTakesTheSumPastOneAndTheTotal() {
        assertRejected(
                () -> basket(new BasketMember("A", 0.5), new BasketMember("B", 2.5), new BasketMember("C", 0)),
                "members[1].weight",
                "3.0");
        assertRejected(
                () -> basket(new BasketMember("A", 0.6), new BasketMember("B", 0.3), new BasketMember("C", 0.3)),
                "members[2].weight",
                "passes 1 at C");
    }

    @Test
    void anEmptyBasketIsRejected() {
        assertRejected(() -> basket(), "members", "at least one member");
        assertRejected(
                () -> BasketDefinition.equalWeight("USD", BASE, Rebalance.NONE, List.of()),
                "members",
                "at least one member");
    }

    @Test
    void aDuplicateMemberIsNamedByItsIndex() {
        assertRejected(
                () -> basket(new BasketMember("A", 0.4), new BasketMember("B", 0.3), new BasketMember("A", 0.3)),
                "members[2].symbol",
                "duplicate member A");
    }

    @Test
    void negativeOrNonFiniteWeightsAreRejected() {
        assertRejected(() -> basket(new BasketMember("A", 1.5), new BasketMember("B", -0.5)), "members[1].weight", "B");
        assertRejected(() -> basket(new BasketMember("A", Double.NaN)), "members[0].weight", "NaN");
        assertRejected(() -> basket(new BasketMember("A", Double.POSITIVE_INFINITY)), "members[0].weight", "Infinity");
    }

    @Test
    void theDefinitionsOtherFieldsAreRequired() {
        List<BasketMember> one = List.of(new BasketMember("A", 1));
        assertRejected(() -> new BasketDefinition(" ", BASE, 100, Rebalance.NONE, one), "currency", "required");
        assertRejected(() -> new BasketDefinition("USD", null, 100, Rebalance.NONE, one), "baseDate", "required");
        assertRejected(() -> new BasketDefinition("USD", BASE, 0, Rebalance.NONE, one), "baseValue", "1e-6 and 1e9");
        assertRejected(() -> new BasketDefinition("USD", BASE, 100, null, one), "rebalance", "required");
        assertRejected(() -> basket(new BasketMember("", 1)), "members[0].symbol", "required");
    }

    @Test
    void aBaseValueThatCouldOverflowOrUnderflowALevelIsRejected() {
        List<BasketMember> one = List.of(new BasketMember("A", 1));
        for (double value : new double[] {1.7e308, 1e10, Double.NaN, Double.POSITIVE_INFINITY, 5e-324, 1e-7, -1}) {
            assertRejected(
                    () -> new BasketDefinition("USD", BASE, value, Rebalance.NONE, one), "baseValue", "got " + value);
        }
        assertThat(new BasketDefinition("USD", BASE, 1e9, Rebalance.NONE, one).baseValue())
                .isEqualTo(1e9);
        assertThat(new BasketDefinition("USD", BASE, 1e-6, Rebalance.NONE, one).baseValue())
                .isEqualTo(1e-6);
    }

    @Test
    void aMemberWithoutSeriesIsNamed() {
        MarketData data = MarketData.builder()
                .member("A", "USD", Series.of("2024-01-02", 1))
                .build();
        assertRejected(
                () -> engine.levels(basket(new BasketMember("A", 0.5), new BasketMember("B", 0.5)), data),
                "members[1].symbol",
                "no price series for member B");
    }

    @Test
    void aMemberWithoutAPriceAtOrBeforeTheBaseDateIsNamed() {
        MarketData data = MarketData.builder()
                .member("A", "USD", Series.of("2024-01-02", 1))
                .member("B", "USD", Series.of("2024-01-03", 1))
                .build();
        assertRejected(
                () -> engine.levels(basket(new BasketMember("A", 0.5), new BasketMember("B", 0.5)), data),
                "members[1].symbol",
                "B has no price at or before the base date 2024-01-02");
    }

    @Test
    void aForeignMemberNeedsAnFxSeriesWithARateAtTheBaseDate() {
        BasketDefinition definition = basket(new BasketMember("X", 1));
        MarketData noFx = MarketData.builder()
                .member("X", "JPY", Series.of("2024-01-02", 1000))
                .build();
        assertRejected(
                () -> engine.levels(definition, noFx),
                "members[0].symbol",
                "no FX series from JPY to USD for member X");

        MarketData lateFx = MarketData.builder()
                .member("X", "JPY", Series.of("2024-01-02", 1000))
                .fx("JPY", Series.of("2024-01-03", 0.01))
                .build();
        assertRejected(
                () -> engine.levels(definition, lateFx),
                "members[0].symbol",
                "X has no rate at or before the base date");
    }

    @Test
    void nonPositivePricesAreRejectedWithTheirDate() {
        MarketData data = MarketData.builder()
                .member("A", "USD", Series.of("2024-01-02", 10, "2024-01-03", 0))
                .build();
        assertRejected(
                () -> engine.levels(basket(new BasketMember("A", 1)), data),
                "members[0].symbol",
                "close of A on 2024-01-03 is not positive");
    }

    @Test
    void seriesMustBeAscendingAndFinite() {
        assertRejected(() -> Series.of("2024-01-02", 1, "2024-01-02", 2), "dates[1]", "strictly ascending");
        assertRejected(
                () -> Series.of("2024-01-02", 1, "2024-01-03", 2, "2024-01-04", Double.NaN),
                "values[2]",
                "not a finite number");
        assertRejected(
                () -> TimeSeries.ofEpochDays(new int[] {1, 2}, new double[] {1}), "values", "2 dates but 1 values");
    }

    @Test
    void aWindowMustBeOrderedAndOverlapTheCalendar() {
        BasketLevels levels = engine.levels(
                basket(new BasketMember("A", 1)),
                MarketData.builder()
                        .member("A", "USD", Series.of("2024-01-02", 1, "2024-01-03", 2))
                        .build());

        assertRejected(() -> PerformanceQuery.between(date("2024-01-03"), date("2024-01-02")), "from", "is after to");
        assertRejected(
                () -> engine.performance(levels, PerformanceQuery.between(null, date("2023-12-31"))),
                "to",
                "before the first level");
        assertRejected(
                () -> engine.performance(levels, PerformanceQuery.between(date("2024-02-01"), null)),
                "from",
                "after the last close");
        assertRejected(
                () -> engine.compare(levels, levels, date("2024-01-03"), date("2024-01-02")), "from", "is after to");
        assertRejected(() -> PerformanceQuery.full().withRiskFreeRate(Double.NaN), "riskFreeRate", "annual fraction");
        assertRejected(
                () -> PerformanceQuery.full().withRiskFreeRate(4), "riskFreeRate", "(0.04 for 4 percent), got 4.0");
        assertRejected(() -> PerformanceQuery.full().withRiskFreeRate(-0.06), "riskFreeRate", "from -0.05 to 0.25");
    }

    @Test
    void aBenchmarkMustHaveAValueAtTheWindowStart() {
        BasketLevels levels = engine.levels(
                basket(new BasketMember("A", 1)),
                MarketData.builder()
                        .member("A", "USD", Series.of("2024-01-02", 1, "2024-01-03", 2))
                        .build());

        assertRejected(
                () -> engine.performance(levels, PerformanceQuery.full().withBenchmark(Series.of("2024-01-03", 5))),
                "benchmark",
                "no value at or before 2024-01-02");
        assertThatThrownBy(() ->
                        engine.performance(levels, PerformanceQuery.full().withBenchmark(Series.of("2024-01-02", -5))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("benchmark");
    }
}
