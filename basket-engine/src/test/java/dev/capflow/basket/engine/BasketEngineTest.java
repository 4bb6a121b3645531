package dev.capflow.basket.engine;

import static dev.capflow.basket.engine.Series.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Small baskets whose levels, metrics and contributions are worked out by hand in the comments. */
class BasketEngineTest {

    private static final double EPS = 1e-12;

    private final BasketEngine engine = new BasketEngine();

    private static BasketDefinition equal(String baseDate, Rebalance rule, String... symbols) {
        return BasketDefinition.equalWeight("USD", date(baseDate), rule, List.of(symbols));
    }

    private static double[] levels(BasketLevels basket) {
        return basket.series().values();
    }

    private static double[] contributions(Performance performance) {
        return performance.contributions().stream()
                .mapToDouble(Contribution::contribution)
                .toArray();
    }

    @Test
    void buyAndHoldHoldsTheUnitsBoughtAtTheBaseDate() {
        // units A = 50/10 = 5, B = 50/20 = 2.5; levels 5*10+2.5*20, 5*11+2.5*18, 5*12+2.5*22
        MarketData data = MarketData.builder()
                .member("A", "USD", Series.of("2024-01-02", 10, "2024-01-03", 11, "2024-01-04", 12))
                .member("B", "USD", Series.of("2024-01-02", 20, "2024-01-03", 18, "2024-01-04", 22))
                .build();
        BasketLevels basket = engine.levels(equal("2024-01-02", Rebalance.NONE, "A", "B"), data);

        assertThat(levels(basket)).containsExactly(new double[] {100, 100, 115}, within(EPS));
        Performance performance = engine.performance(basket, PerformanceQuery.full());
        assertThat(performance.metrics().totalReturn()).isCloseTo(0.15, within(EPS));
        // contributions: 5*(12-10)/100 and 2.5*(22-20)/100; own returns 12/10-1 and 22/20-1
        assertThat(contributions(performance)).containsExactly(new double[] {0.10, 0.05}, within(EPS));
        assertThat(performance.contributions().get(0).priceReturn()).isCloseTo(0.2, within(EPS));
        assertThat(performance.contributions().get(1).priceReturn()).isCloseTo(0.1, within(EPS));
        assertThat(performance.contributions().get(1).weight()).isEqualTo(0.5);
    }

    @Test
    void aMemberWithoutAPriceCarriesItsLastCloseForward() {
        // calendar = union {01-02, 01-03, 01-04, 01-05}; B is missing 01-03 (carry 20), A is missing 01-05 (carry 12)
        MarketData data = MarketData.builder()
                .member("A", "USD", Series.of("2024-01-02", 10, "2024-01-03", 11, "2024-01-04", 12))
                .member("B", "USD", Series.of("2024-01-02", 20, "2024-01-04", 22, "2024-01-05", 24))
                .build();
        BasketLevels basket = engine.levels(equal("2024-01-02", Rebalance.NONE, "A", "B"), data);

        assertThat(basket.series().date(3)).isEqualTo(date("2024-01-05"));
        // 5*11 + 2.5*20 = 105; 5*12 + 2.5*22 = 115; 5*12 + 2.5*24 = 120
        assertThat(levels(basket)).containsExactly(new double[] {100, 105, 115, 120}, within(EPS));
    }

    @Test
    void theBasePriceIsCarriedFromBeforeTheBaseDateAndEarlierDatesAreNotInTheCalendar() {
        // B's last close at or before the base date 01-03 is the 01-02 close of 20: units B = 50/20
        MarketData data = MarketData.builder()
                .member("A", "USD", Series.of("2024-01-02", 9, "2024-01-03", 10, "2024-01-04", 12))
                .member("B", "USD", Series.of("2024-01-02", 20, "2024-01-04", 30))
                .build();
        BasketLevels basket = engine.levels(equal("2024-01-03", Rebalance.NONE, "A", "B"), data);

        assertThat(basket.firstDate()).isEqualTo(date("2024-01-03"));
        // 5*12 + 2.5*30 = 135
        assertThat(levels(basket)).containsExactly(new double[] {100, 135}, within(EPS));
    }

    @Test
    void aBaseDateWithoutTradingStillStartsTheSeriesAtTheBaseValue() {
        // 2024-01-06 is a Saturday: the base prices are Friday's, the series starts on the Saturday at 100
        MarketData data = MarketData.builder()
                .member("A", "USD", Series.of("2024-01-05", 10, "2024-01-08", 12))
                .build();
        BasketLevels basket = engine.levels(equal("2024-01-06", Rebalance.NONE, "A"), data);

        assertThat(basket.series().date(0)).isEqualTo(date("2024-01-06"));
        assertThat(levels(basket)).containsExactly(new double[] {100, 120}, within(EPS));
    }

    @Test
    void monthlyRebalancingResetsUnitsAtTheLastCalendarDateOfTheMonth() {
        MarketData data = MarketData.builder()
                .member("A", "USD", Series.of("2024-01-30", 10, "2024-01-31", 20, "2024-02-01", 20))
                .member("B", "USD", Series.of("2024-01-30", 10, "2024-01-31", 10, "2024-02-01", 20))
                .build();

        // buy-and-hold: units 5 and 5; 01-31: 5*20+5*10 = 150; 02-01: 5*20+5*20 = 200
        BasketLevels held = engine.levels(equal("2024-01-30", Rebalance.NONE, "A", "B"), data);
        assertThat(levels(held)).containsExactly(new double[] {100, 150, 200}, within(EPS));

        // monthly: at the 01-31 close units become A 0.5*150/20 = 3.75, B 0.5*150/10 = 7.5; 02-01: 3.75*20+7.5*20 = 225
        BasketLevels monthly = engine.levels(equal("2024-01-30", Rebalance.MONTHLY, "A", "B"), data);
        assertThat(levels(monthly)).containsExactly(new double[] {100, 150, 225}, within(EPS));
        assertThat(monthly.rebalanceDates()).containsExactly(date("2024-01-31"));

        // contributions: A 5*(20-10) + 3.75*(20-20) = 50, B 5*(10-10) + 7.5*(20-10) = 75, over 100
        Performance full = engine.performance(monthly, PerformanceQuery.full());
        assertThat(contributions(full)).containsExactly(new double[] {0.5, 0.75}, within(EPS));
        assertThat(full.metrics().totalReturn()).isCloseTo(1.25, within(EPS));

        // from the rebalance close only the second holding period counts: B 7.5*10/150 = 0.5
        Performance last = engine.performance(monthly, PerformanceQuery.between(date("2024-01-31"), null));
        assertThat(contributions(last)).containsExactly(new double[] {0.0, 0.5}, within(EPS));
    }

    @Test
    void quarterlyRebalancingUsesTheLastTradedDateOfMarchNotTheLastDayOfTheMonth() {
        MarketData data = MarketData.builder()
                .member("A", "USD", Series.of("2024-01-30", 10, "2024-01-31", 20, "2024-03-28", 10, "2024-04-01", 20))
                .member("B", "USD", Series.of("2024-01-30", 10, "2024-01-31", 10, "2024-03-28", 10, "2024-04-01", 20))
                .build();
        BasketLevels quarterly = engine.levels(equal("2024-01-30", Rebalance.QUARTERLY, "A", "B"), data);

        // January is no quarter end: 01-31 5*20+5*10 = 150, 03-28 5*10+5*10 = 100;
        // reset at 03-28 (the last March date in the calendar) to 50/10 = 5 each: 04-01 5*20+5*20 = 200
        assertThat(quarterly.rebalanceDates()).containsExactly(date("2024-03-28"));
        assertThat(levels(quarterly)).containsExactly(new double[] {100, 150, 100, 200}, within(EPS));

        // monthly also resets at 01-31 (3.75 and 7.5): 03-28 3.75*10+7.5*10 = 112.5, reset 5.625 each, 04-01 225
        BasketLevels monthly = engine.levels(equal("2024-01-30", Rebalance.MONTHLY, "A", "B"), data);
        assertThat(levels(monthly)).containsExactly(new double[] {100, 150, 112.5, 225}, within(EPS));
    }

    @Test
    void foreignMembersAreConvertedWithTheCarriedForwardRate() {
        // USD per JPY: 0.01 from before the base date, 0.0095 from 01-03, 0.009 on 01-04 (when X does not trade),
        // 0.008 quoted on Saturday 01-06 (not a calendar date: it first shows in Monday's level)
        MarketData data = MarketData.builder()
                .member("X", "JPY", Series.of("2024-01-02", 1000, "2024-01-03", 1100))
                .member("Y", "USD", Series.of("2024-01-02", 10, "2024-01-03", 10, "2024-01-04", 10, "2024-01-08", 10))
                .fx(
                        "JPY",
                        Series.of("2023-12-29", 0.01, "2024-01-03", 0.0095, "2024-01-04", 0.009, "2024-01-06", 0.008))
                .build();
        BasketLevels basket = engine.levels(equal("2024-01-02", Rebalance.NONE, "X", "Y"), data);

        // X in USD: 1000*0.01 = 10, 1100*0.0095 = 10.45, 1100*0.009 = 9.9, 1100*0.008 = 8.8; units 5 and 5
        assertThat(basket.series().date(3)).isEqualTo(date("2024-01-08"));
        assertThat(levels(basket)).containsExactly(new double[] {100, 102.25, 99.5, 94}, within(EPS));
        Performance performance = engine.performance(basket, PerformanceQuery.full());
        assertThat(performance.contributions().get(0).priceReturn()).isCloseTo(-0.12, within(EPS));
        assertThat(performance.contributions().get(0).contribution()).isCloseTo(-0.06, within(EPS));
    }

    @Test
    void metricsOfTwoDailyReturns() {
        // levels 100, 110, 99: r = +0.1, -0.1; mean 0; sample stdev sqrt(0.02/1)
        BasketLevels basket = engine.levels(
                equal("2024-01-02", Rebalance.NONE, "A"),
                MarketData.builder()
                        .member("A", "USD", Series.of("2024-01-02", 50, "2024-01-03", 55, "2024-01-04", 49.5))
                        .build());
        Metrics metrics = engine.performance(basket, PerformanceQuery.full().withRiskFreeRate(0.0252))
                .metrics();

        double stdev = Math.sqrt(0.02);
        assertThat(metrics.totalReturn()).isCloseTo(-0.01, within(EPS));
        assertThat(metrics.annualizedReturn())
                .as("two returns are not annualized")
                .isNaN();
        assertThat(metrics.annualizedVolatility()).isCloseTo(stdev * Math.sqrt(252), within(EPS));
        // rf daily = 0.0252/252 = 0.0001
        assertThat(metrics.sharpe()).isCloseTo(-0.0001 / stdev * Math.sqrt(252), within(EPS));
        assertThat(metrics.maxDrawdown()).isCloseTo(99.0 / 110 - 1, within(EPS));
        assertThat(metrics.maxDrawdownPeak()).isEqualTo(date("2024-01-03"));
        assertThat(metrics.maxDrawdownTrough()).isEqualTo(date("2024-01-04"));
        assertThat(metrics.beta()).isNaN();
        assertThat(metrics.undefined())
                .as("exactly the NaN figures, each with why")
                .containsOnlyKeys(Metric.ANNUALIZED_RETURN, Metric.BETA, Metric.CORRELATION)
                .containsEntry(
                        Metric.ANNUALIZED_RETURN,
                        "fewer than 252 daily returns (2 in the window): a return over less than a year is not "
                                + "annualized (GIPS)")
                .containsEntry(Metric.BETA, "no benchmark was requested")
                .containsEntry(Metric.CORRELATION, "no benchmark was requested");
    }

    @Test
    void everyFigureAWindowCannotDefineIsNaNAndExplained() {
        // levels 100, 110, 110, 110: one return alone defines no volatility; a flat benchmark no beta; the flat end
        // (returns 0, 0) no Sharpe and no correlation, while its beta against a moving benchmark is 0
        BasketLevels basket = engine.levels(
                equal("2024-01-01", Rebalance.NONE, "A"),
                MarketData.builder()
                        .member(
                                "A",
                                "USD",
                                Series.of("2024-01-01", 10, "2024-01-02", 11, "2024-01-03", 11, "2024-01-04", 11))
                        .build());
        TimeSeries flat = Series.of("2024-01-01", 5, "2024-01-04", 5);
        TimeSeries moving = Series.of("2024-01-01", 5, "2024-01-02", 6, "2024-01-03", 5, "2024-01-04", 6);
        Metrics oneReturn = engine.performance(
                        basket,
                        PerformanceQuery.between(null, date("2024-01-02")).withBenchmark(flat))
                .metrics();
        assertThat(oneReturn.undefined())
                .containsOnlyKeys(
                        Metric.ANNUALIZED_RETURN,
                        Metric.ANNUALIZED_VOLATILITY,
                        Metric.SHARPE,
                        Metric.BETA,
                        Metric.CORRELATION)
                .containsEntry(
                        Metric.ANNUALIZED_VOLATILITY,
                        "fewer than two daily returns (1 in the window): a sample standard deviation needs two")
                .containsEntry(
                        Metric.SHARPE,
                        "fewer than two daily returns (1 in the window): the Sharpe ratio divides by their sample "
                                + "standard deviation")
                .containsEntry(
                        Metric.BETA,
                        "fewer than two daily returns (1 in the window): beta and correlation need a sample variance");

        Metrics flatBenchmark = engine.performance(
                        basket, PerformanceQuery.full().withBenchmark(flat))
                .metrics();
        assertThat(flatBenchmark.undefined())
                .containsOnlyKeys(Metric.ANNUALIZED_RETURN, Metric.BETA, Metric.CORRELATION)
                .containsEntry(
                        Metric.BETA,
                        "the benchmark's daily returns do not vary: beta and correlation divide by their zero "
                                + "variance");

        Metrics flatLevels = engine.performance(
                        basket,
                        PerformanceQuery.between(date("2024-01-02"), null).withBenchmark(moving))
                .metrics();
        assertThat(flatLevels.beta()).isZero();
        assertThat(flatLevels.undefined())
                .containsOnlyKeys(Metric.ANNUALIZED_RETURN, Metric.SHARPE, Metric.CORRELATION)
                .containsEntry(
                        Metric.SHARPE,
                        "the daily returns do not vary: the Sharpe ratio divides by their zero volatility")
                .containsEntry(
                        Metric.CORRELATION,
                        "the basket's daily returns do not vary: correlation divides by their zero variance");
        for (Metrics metrics : List.of(oneReturn, flatBenchmark, flatLevels)) {
            for (Metric metric : Metric.values()) {
                assertThat(Double.isNaN(metrics.value(metric)))
                        .as(metric + " is NaN exactly when it is explained")
                        .isEqualTo(metrics.undefined().containsKey(metric));
            }
        }
    }

    @Test
    void maxDrawdownIsTheDeepestFallFromARunningPeak() {
        // 100, 120, 90, 130, 110: falls 90/120-1 = -25% and 110/130-1 = -15.4%; the first is the maximum
        BasketLevels basket = engine.levels(
                equal("2024-01-01", Rebalance.NONE, "A"),
                MarketData.builder()
                        .member(
                                "A",
                                "USD",
                                Series.of(
                                        "2024-01-01",
                                        100,
                                        "2024-01-02",
                                        120,
                                        "2024-01-03",
                                        90,
                                        "2024-01-04",
                                        130,
                                        "2024-01-05",
                                        110))
                        .build());
        Metrics metrics = engine.performance(basket, PerformanceQuery.full()).metrics();

        assertThat(metrics.maxDrawdown()).isCloseTo(-0.25, within(EPS));
        assertThat(metrics.maxDrawdownPeak()).isEqualTo(date("2024-01-02"));
        assertThat(metrics.maxDrawdownTrough()).isEqualTo(date("2024-01-03"));

        // within 01-04..01-05 only the second fall is seen
        Metrics late = engine.performance(basket, PerformanceQuery.between(date("2024-01-04"), null))
                .metrics();
        assertThat(late.maxDrawdown()).isCloseTo(110.0 / 130 - 1, within(EPS));
        assertThat(late.maxDrawdownPeak()).isEqualTo(date("2024-01-04"));
    }

    @Test
    void aRisingBasketHasNoDrawdown() {
        BasketLevels basket = engine.levels(
                equal("2024-01-01", Rebalance.NONE, "A"),
                MarketData.builder()
                        .member("A", "USD", Series.of("2024-01-01", 1, "2024-01-02", 2, "2024-01-03", 3))
                        .build());
        Metrics metrics = engine.performance(basket, PerformanceQuery.full()).metrics();

        assertThat(metrics.maxDrawdown()).isZero();
        assertThat(metrics.maxDrawdownPeak()).as("no fall, no peak").isNull();
        assertThat(metrics.maxDrawdownTrough()).as("no fall, no trough").isNull();
    }

    @Test
    void aReturnIsAnnualizedFromAYearOfDailyReturnsOnly() {
        // 253 closes growing 0.1% a day: 252 returns are annualized as (1 + total)^(252 / 252) - 1 = total
        TimeSeries.Builder closes = TimeSeries.builder();
        LocalDate day = date("2023-01-02");
        for (int t = 0; t <= 252; t++) {
            closes.add(day.plusDays(t), 100 * Math.pow(1.001, t));
        }
        BasketLevels basket = engine.levels(
                equal("2023-01-02", Rebalance.NONE, "A"),
                MarketData.builder().member("A", "USD", closes.build()).build());

        Metrics year = engine.performance(basket, PerformanceQuery.full()).metrics();
        assertThat(year.annualizedReturn()).isCloseTo(Math.pow(1.001, 252) - 1, within(EPS));
        assertThat(year.annualizedReturn()).isCloseTo(year.totalReturn(), within(EPS));

        // one day less: 251 returns; and a one-day window (a +0.1% day would annualize to +28.6%): not annualized
        Metrics shorter = engine.performance(basket, PerformanceQuery.between(date("2023-01-03"), null))
                .metrics();
        assertThat(shorter.annualizedReturn()).isNaN();
        Metrics oneDay = engine.performance(basket, PerformanceQuery.between(date("2023-01-03"), date("2023-01-04")))
                .metrics();
        assertThat(oneDay.totalReturn()).isCloseTo(0.001, within(EPS));
        assertThat(oneDay.annualizedReturn()).isNaN();
    }

    @Test
    void betaAndCorrelationAgainstItselfAreOne() {
        TimeSeries prices = Series.of("2024-01-01", 10, "2024-01-02", 11, "2024-01-03", 10.5, "2024-01-04", 12);
        BasketLevels basket = engine.levels(
                equal("2024-01-01", Rebalance.NONE, "A"),
                MarketData.builder().member("A", "USD", prices).build());
        Metrics metrics = engine.performance(basket, PerformanceQuery.full().withBenchmark(prices))
                .metrics();

        assertThat(metrics.beta()).isCloseTo(1.0, within(EPS));
        assertThat(metrics.correlation()).isCloseTo(1.0, within(EPS));
    }

    @Test
    void betaAgainstABenchmarkCarriedForwardOnTheBasketCalendar() {
        // basket 100, 110, 99: r = 0.1, -0.1. Benchmark misses 01-02: aligned 100, 100, 90, r_b = 0, -0.1.
        // cov = (0.1*0.05 + -0.1*-0.05)/1 = 0.01, var_b = 0.005: beta 2, correlation 0.01/sqrt(0.02*0.005) = 1
        BasketLevels basket = engine.levels(
                equal("2024-01-01", Rebalance.NONE, "A"),
                MarketData.builder()
                        .member("A", "USD", Series.of("2024-01-01", 100, "2024-01-02", 110, "2024-01-03", 99))
                        .build());
        TimeSeries benchmark = Series.of("2023-12-29", 100, "2024-01-03", 90);
        Metrics metrics = engine.performance(basket, PerformanceQuery.full().withBenchmark(benchmark))
                .metrics();

        assertThat(metrics.beta()).isCloseTo(2.0, within(EPS));
        assertThat(metrics.correlation()).isCloseTo(1.0, within(EPS));
    }

    @Test
    void aWindowIsClampedToTheCalendarAndReportsTheDatesItUsed() {
        BasketLevels basket = engine.levels(
                equal("2024-01-02", Rebalance.NONE, "A"),
                MarketData.builder()
                        .member(
                                "A",
                                "USD",
                                Series.of("2024-01-02", 10, "2024-01-05", 11, "2024-01-08", 12, "2024-01-09", 15))
                        .build());
        // from a Saturday to the Monday: only the Monday is in the window
        Performance weekend =
                engine.performance(basket, PerformanceQuery.between(date("2024-01-06"), date("2024-01-08")));
        assertThat(weekend.from()).isEqualTo(date("2024-01-08"));
        assertThat(weekend.to()).isEqualTo(date("2024-01-08"));
        assertThat(weekend.metrics().totalReturn()).isZero();
        assertThat(weekend.metrics().annualizedVolatility()).isNaN();

        // a window of one Saturday holds no trading day, and says so (the closes after it are not "missing")
        assertRejectedWith(
                () -> engine.performance(basket, PerformanceQuery.between(date("2024-01-06"), date("2024-01-06"))),
                "no trading day between 2024-01-06 and 2024-01-06");

        // from before the base date: the window starts at the base date
        Performance early =
                engine.performance(basket, PerformanceQuery.between(date("2023-06-01"), date("2024-01-07")));
        assertThat(early.from()).isEqualTo(date("2024-01-02"));
        assertThat(early.to()).isEqualTo(date("2024-01-05"));
        assertThat(early.series().values()).containsExactly(100.0, 110.0);
        assertThat(early.metrics().totalReturn()).isCloseTo(0.1, within(EPS));
    }

    @Test
    void aSaturdayWindowOfHistoryFetchedUpToItIsNotCalledAfterTheLastClose() {
        // basket-service fetches history up to the window's end: the Friday is then the last close it has
        BasketLevels upToSaturday = engine.levels(
                equal("2024-01-02", Rebalance.NONE, "A"),
                MarketData.builder()
                        .member("A", "USD", Series.of("2024-01-02", 10, "2024-01-05", 11))
                        .build());
        assertRejectedWith(
                () -> engine.performance(
                        upToSaturday, PerformanceQuery.between(date("2024-01-06"), date("2024-01-06"))),
                "no trading day between");
        // without an end, everything was fetched: then it is after the last close
        assertRejectedWith(
                () -> engine.performance(upToSaturday, PerformanceQuery.between(date("2024-01-06"), null)),
                "after the last close, on 2024-01-05");
    }

    private static void assertRejectedWith(Runnable call, String message) {
        assertThatThrownBy(call::run)
                .isInstanceOf(BasketArgumentException.class)
                .hasMessageContaining(message)
                .satisfies(
                        e -> assertThat(((BasketArgumentException) e).field()).isEqualTo("from"));
    }

    @Test
    void aForeignBenchmarkIsConvertedOnTheUnionOfItsAndTheRatesDates() {
        // QQQ in USD, JPY per USD: Tuesday has no rate (Monday's carries), Wednesday no close (Tuesday's carries)
        TimeSeries qqq = Series.of("2024-01-08", 400, "2024-01-09", 404);
        TimeSeries yenPerDollar = Series.of("2024-01-05", 140, "2024-01-08", 144, "2024-01-10", 145);
        TimeSeries inYen = FxConversion.convert(qqq, yenPerDollar);

        assertThat(inYen.firstDate()).isEqualTo(date("2024-01-08"));
        assertThat(inYen.values()).containsExactly(new double[] {400 * 144, 404 * 144, 404 * 145}, within(EPS));
        assertThat(FxConversion.convert(qqq, TimeSeries.builder().build()).isEmpty())
                .isTrue();
    }

    @Test
    void compareAlignsBothBasketsOnTheUnionOfTheirCalendarsFromTheCommonStart() {
        // A: 100, 110, 120 on 01-02..01-04; B (based 01-03): 100 on 01-03, 120 on 01-05
        BasketLevels a = engine.levels(
                equal("2024-01-02", Rebalance.NONE, "A"),
                MarketData.builder()
                        .member("A", "USD", Series.of("2024-01-02", 10, "2024-01-03", 11, "2024-01-04", 12))
                        .build());
        BasketLevels b = engine.levels(
                equal("2024-01-03", Rebalance.NONE, "B"),
                MarketData.builder()
                        .member("B", "USD", Series.of("2024-01-03", 50, "2024-01-05", 60))
                        .build());
        Comparison comparison = engine.compare(a, b, null, null);

        // dates 01-03, 01-04, 01-05; A carries 120 into 01-05, B carries 100 into 01-04
        assertThat(comparison.levelsA().firstDate()).isEqualTo(date("2024-01-03"));
        assertThat(comparison.levelsA().values()).containsExactly(new double[] {110, 120, 120}, within(EPS));
        assertThat(comparison.levelsB().values()).containsExactly(new double[] {100, 100, 120}, within(EPS));
        assertThat(comparison.spread().values())
                .containsExactly(new double[] {0, 120.0 / 110 - 1, 120.0 / 110 - 1 - 0.2}, within(EPS));
        assertThat(comparison.ratio().values()).containsExactly(new double[] {1.1, 1.2, 1.0}, within(EPS));
        assertThat(comparison.ratio().lastDate()).isEqualTo(date("2024-01-05"));
    }

    @Test
    void customWeightsSetTheUnits() {
        // 0.75 of 200 in A at 15 = 10 units, 0.25 of 200 in B at 50 = 1 unit; next day 10*18 + 1*40 = 220
        BasketDefinition definition = new BasketDefinition(
                "USD",
                date("2024-01-02"),
                200,
                Rebalance.NONE,
                List.of(new BasketMember("A", 0.75), new BasketMember("B", 0.25)));
        BasketLevels basket = engine.levels(
                definition,
                MarketData.builder()
                        .member("A", "USD", Series.of("2024-01-02", 15, "2024-01-03", 18))
                        .member("B", "USD", Series.of("2024-01-02", 50, "2024-01-03", 40))
                        .build());

        assertThat(levels(basket)).containsExactly(new double[] {200, 220}, within(EPS));
        assertThat(contributions(engine.performance(basket, PerformanceQuery.full())))
                .containsExactly(new double[] {0.15, -0.05}, within(EPS));
    }
}
