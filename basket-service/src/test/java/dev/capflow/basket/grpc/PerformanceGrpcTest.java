package dev.capflow.basket.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.capflow.basket.fake.FakeIngestServer;
import dev.capflow.proto.basket.v1.Basket;
import dev.capflow.proto.basket.v1.ComparePoint;
import dev.capflow.proto.basket.v1.CompareRequest;
import dev.capflow.proto.basket.v1.CompareResponse;
import dev.capflow.proto.basket.v1.Contribution;
import dev.capflow.proto.basket.v1.CreateBasketRequest;
import dev.capflow.proto.basket.v1.GetBasketRequest;
import dev.capflow.proto.basket.v1.GetPerformanceRequest;
import dev.capflow.proto.basket.v1.GetPerformanceResponse;
import dev.capflow.proto.basket.v1.Metrics;
import dev.capflow.proto.basket.v1.ReturnType;
import dev.capflow.proto.basket.v1.UndefinedMetric;
import dev.capflow.proto.basket.v1.UpdateBasketRequest;
import dev.capflow.proto.ingest.v1.Adjustment;
import dev.capflow.proto.ingest.v1.InstrumentKind;
import dev.capflow.proto.ingest.v1.StreamBarsRequest;
import dev.capflow.redis.PriceStreamEntries;
import dev.capflow.testsupport.FiniteNumbers;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Performance and comparison over gRPC on the real demo closes, checked against the pandas fixtures of basket-engine
 * (computed independently) within 1e-9 relative.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "3"))
@QuarkusTestResource(FakeIngestServer.class)
class PerformanceGrpcTest extends GrpcTestBase {

    private static final Path FIXTURES = Path.of("..", "basket-engine", "src", "test", "resources", "fixtures");
    private static final double RELATIVE = 1e-9;

    @Test
    void teamGoogleBeatTeamOpenAiFromTheBaseDateToYearEnd() {
        double google = performance("team-google", "2025-10-29", "2025-12-31", "")
                .getMetrics()
                .getTotalReturn();
        double openAi = performance("team-openai", "2025-10-29", "2025-12-31", "")
                .getMetrics()
                .getTotalReturn();

        assertThat(google).isGreaterThan(0.10);
        assertThat(openAi).isLessThan(-0.20);
        assertThat(google - openAi).isGreaterThan(0.3);
    }

    @Test
    void aShortWindowWithoutBenchmarkSendsNoNaNAndListsWhatItCannotDefineWithWhy() {
        GetPerformanceResponse answer =
                FiniteNumbers.assertFinite(performance("team-google", "2025-10-29", "2025-12-31", ""));

        Metrics metrics = answer.getMetrics();
        assertThat(metrics.getUndefinedList())
                .extracting(UndefinedMetric::getField, UndefinedMetric::getReason)
                .containsExactly(
                        tuple(
                                "annualized_return",
                                "fewer than 252 daily returns (" + (answer.getSeriesCount() - 1)
                                        + " in the window): a return over less than a year is not annualized (GIPS)"),
                        tuple("beta", "no benchmark was requested"),
                        tuple("correlation", "no benchmark was requested"));
        assertThat(metrics.getAnnualizedReturn()).isZero();
        assertThat(metrics.getBeta()).isZero();
        assertThat(metrics.getCorrelation()).isZero();
        assertThat(metrics.getAnnualizedVolatility()).isPositive();
    }

    @Test
    void withABenchmarkBetaAndCorrelationAreDefinedAndNotListed() {
        GetPerformanceResponse answer =
                FiniteNumbers.assertFinite(performance("team-google", "2025-10-29", "2025-12-31", "QQQ"));

        assertThat(answer.getMetrics().getUndefinedList())
                .extracting(UndefinedMetric::getField)
                .containsExactly("annualized_return");
        assertThat(answer.getMetrics().getBeta()).isPositive();
        assertThat(answer.getMetrics().getCorrelation()).isPositive();
    }

    @Test
    void aOneDayWindowListsVolatilityAndSharpeToo() {
        GetPerformanceResponse answer =
                FiniteNumbers.assertFinite(performance("team-google", "2025-12-30", "2025-12-31", "QQQ"));

        assertThat(answer.getMetrics().getUndefinedList())
                .extracting(UndefinedMetric::getField)
                .containsExactly("annualized_return", "annualized_volatility", "sharpe", "beta", "correlation");
        assertThat(answer.getMetrics().getUndefined(1).getReason())
                .isEqualTo("fewer than two daily returns (1 in the window): a sample standard deviation needs two");
    }

    @Test
    void seededBasketsMatchThePandasFixtures() throws IOException {
        assertMatchesFixture("team-google");
        assertMatchesFixture("team-openai");
    }

    @Test
    void aJpyMemberOfAUsdBasketIsConvertedWithTheInverseOfTheConfiguredDexjpus() throws IOException {
        client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(equalBasket("team-openai-tokyo", "NVDA", "MSFT", "9984.T", "ORCL", "AMD", "CRWV"))
                .build());

        assertMatchesFixture("team-openai-tokyo");
        List<String> fetched = lastHistoryCall().getSymbolsList();
        assertThat(fetched)
                .as("capflow.basket.fx.series.\"USD/JPY\"=DEXJPUS, not Yahoo's USDJPY")
                .containsExactly("NVDA", "MSFT", "9984.T", "ORCL", "AMD", "CRWV", "DEXJPUS");
    }

    @Test
    void usdMembersOfAJpyBasketAndItsUsdBenchmarkAreConvertedWithDexjpus() throws IOException {
        client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(equalBasket("team-google-in-jpy", "GOOGL", "AVGO", "CLS", "LITE", "TTMI")
                        .setCurrency("JPY"))
                .build());

        // levels, metrics and beta against QQQ converted into yen, against pandas
        assertMatchesFixture("team-google-in-jpy");
        assertThat(lastHistoryCall().getSymbolsList())
                .containsExactly("GOOGL", "AVGO", "CLS", "LITE", "TTMI", "DEXJPUS");

        assertThat(performance("team-google-in-jpy", "2025-10-29", "2025-12-31", "")
                        .getCurrency())
                .isEqualTo("JPY");
        CompareResponse inTwoCurrencies = client().compare(CompareRequest.newBuilder()
                .setBasketIdA("team-google-in-jpy")
                .setBasketIdB("team-openai")
                .build());
        assertThat(inTwoCurrencies.getCurrencyA()).isEqualTo("JPY");
        assertThat(inTwoCurrencies.getCurrencyB()).isEqualTo("USD");
    }

    @Test
    void historyIsOneSplitAdjustedStreamCallPerBasketWithTheBenchmarkInIt() {
        List<StreamBarsRequest> calls = newHistoryCalls(() -> performance("team-openai", "", "2025-12-30", "qqq"));

        assertThat(calls).hasSize(1);
        StreamBarsRequest call = calls.get(0);
        assertThat(call.getSymbolsList()).containsExactly("NVDA", "MSFT", "SFTBY", "ORCL", "AMD", "CRWV", "QQQ");
        assertThat(call.getAdjustment()).isEqualTo(Adjustment.ADJUSTMENT_SPLIT);
        assertThat(call.getFrom()).isLessThanOrEqualTo("2025-10-29");
        assertThat(call.getTo()).isEqualTo("2025-12-30");
    }

    @Test
    void aBasketBasedInTheFirstDaysOf1900ReadsItsHistoryFromThePlatformsFirstDate() {
        // the history is read max-base-staleness (14 days) before the base date, which ingest-service refuses before
        // 1900-01-01: such a basket was created, then never answered
        FakeIngestServer.service().addSynthetic(2);
        client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(equalBasket("based-in-1900", "L0000", "L0001").setBaseDate("1900-01-03"))
                .build());
        GetPerformanceResponse[] answer = new GetPerformanceResponse[1];

        List<StreamBarsRequest> calls =
                newHistoryCalls(() -> answer[0] = performance("based-in-1900", "1900-01-03", "1900-03-30", ""));

        assertThat(calls).extracting(StreamBarsRequest::getFrom).containsExactly("1900-01-01");
        assertThat(FiniteNumbers.assertFinite(answer[0]).getSeriesCount()).isGreaterThan(50);
    }

    @Test
    void aTotalReturnAsksForTotalReturnAdjustedCloses() {
        GetPerformanceResponse price = performance("team-google", "", "2025-12-29", "");
        GetPerformanceResponse[] total = new GetPerformanceResponse[1];
        List<StreamBarsRequest> calls =
                newHistoryCalls(() -> total[0] = client().getPerformance(GetPerformanceRequest.newBuilder()
                        .setBasketId("team-google")
                        .setTo("2025-12-29")
                        .setReturnType(ReturnType.RETURN_TYPE_TOTAL)
                        .build()));

        assertThat(calls)
                .extracting(StreamBarsRequest::getAdjustment)
                .containsExactly(Adjustment.ADJUSTMENT_TOTAL_RETURN);
        assertThat(total[0].getReturnType()).isEqualTo(ReturnType.RETURN_TYPE_TOTAL);
        // dividends paid in the window make the total return larger than the price return
        assertThat(total[0].getMetrics().getTotalReturn())
                .isGreaterThan(price.getMetrics().getTotalReturn());
    }

    @Test
    void answersAreCachedUntilAMemberHistoryOrTheBasketChanges() {
        client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(equalBasket("cached", "NVDA", "AVGO"))
                .build());
        GetPerformanceResponse first = performance("cached", "", "", "");

        assertThat(newHistoryCalls(
                        () -> assertThat(performance("cached", "", "", "")).isEqualTo(first)))
                .isEmpty();
        assertThat(PostgresRedisResource.datastores().redisCommand("KEYS", "capflow:basket:performance-4:*"))
                .contains("capflow:basket:performance-4:");

        // announced new bars of a member move the basket's answer generation, so the answer is computed again
        PostgresRedisResource.datastores()
                .redisCommand(
                        "XADD",
                        PriceStreamEntries.DEFAULT_SHARDING.keyFor("AVGO"),
                        "*",
                        "kind",
                        "bars",
                        "symbols",
                        "AVGO",
                        "origin",
                        "test");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !newHistoryCalls(() -> performance("cached", "", "", ""))
                        .isEmpty());

        // so does a new basket version
        Basket stored = client().getBasket(
                        GetBasketRequest.newBuilder().setBasketId("cached").build())
                .getBasket();
        client().updateBasket(UpdateBasketRequest.newBuilder()
                .setBasket(stored.toBuilder().setBaseDate("2025-11-03"))
                .build());
        GetPerformanceResponse edited = performance("cached", "", "", "");
        assertThat(edited.getFrom()).isEqualTo("2025-11-03");
        assertThat(edited.getBasketVersion()).isEqualTo(1);
    }

    @Test
    void compareMatchesThePandasFixtureAndTheSpreadIsTheDifferenceOfTotalReturns() throws IOException {
        CompareResponse comparison = client().compare(CompareRequest.newBuilder()
                .setBasketIdA("team-google")
                .setBasketIdB("team-openai")
                .setFrom("2025-10-29")
                .setTo("2025-12-31")
                .build());

        FiniteNumbers.assertFinite(comparison);
        assertThat(comparison.getCurrencyA()).isEqualTo("USD");
        assertThat(comparison.getCurrencyB()).isEqualTo("USD");
        JsonArray expected = fixture("compare-team-google-vs-team-openai").getJsonArray("series");
        assertThat(comparison.getSeriesCount()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonObject want = expected.getJsonObject(i);
            ComparePoint got = comparison.getSeries(i);
            assertThat(got.getDate()).isEqualTo(want.getString("date"));
            assertClose(got.getLevelA(), want.getDouble("levelA"), "levelA " + got.getDate());
            assertClose(got.getLevelB(), want.getDouble("levelB"), "levelB " + got.getDate());
            assertClose(got.getSpread(), want.getDouble("spread"), "spread " + got.getDate());
            assertClose(got.getRatio(), want.getDouble("ratio"), "ratio " + got.getDate());
        }
        double google = performance("team-google", "2025-10-29", "2025-12-31", "")
                .getMetrics()
                .getTotalReturn();
        double openAi = performance("team-openai", "2025-10-29", "2025-12-31", "")
                .getMetrics()
                .getTotalReturn();
        assertClose(comparison.getSeries(comparison.getSeriesCount() - 1).getSpread(), google - openAi, "final spread");
    }

    @Test
    void fromAfterToIsNamed() throws Exception {
        StatusRuntimeException error = catchThrowableOfType(
                StatusRuntimeException.class, () -> performance("team-google", "2025-12-31", "2025-10-29", ""));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(error)).containsExactly("from");

        StatusRuntimeException compare = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().compare(CompareRequest.newBuilder()
                        .setBasketIdA("team-google")
                        .setBasketIdB("team-openai")
                        .setFrom("2025-12-31")
                        .setTo("2025-10-29")
                        .build()));
        assertThat(violatedFields(compare)).containsExactly("from");
    }

    @Test
    void aWindowEndingBeforeTheBaseDateNamesToInsteadOfFailingDownstream() throws Exception {
        // team-google's base date is 2025-10-29: a history read ending 14+ days before it was once ingest-service's
        // INVALID_ARGUMENT, answered as INTERNAL
        StatusRuntimeException error = catchThrowableOfType(
                StatusRuntimeException.class, () -> performance("team-google", "", "2025-09-01", ""));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(error)).containsExactly("to");

        StatusRuntimeException compare = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().compare(CompareRequest.newBuilder()
                        .setBasketIdA("team-google")
                        .setBasketIdB("team-openai")
                        .setTo("2025-09-01")
                        .build()));
        assertThat(violatedFields(compare)).containsExactly("to");
    }

    @Test
    void aRiskFreeRateOutsideAnAnnualFractionIsNamed() throws Exception {
        StatusRuntimeException error = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().getPerformance(GetPerformanceRequest.newBuilder()
                        .setBasketId("team-google")
                        .setRiskFreeRate(4)
                        .build()));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(error)).containsExactly("risk_free_rate");
        assertThat(error.getStatus().getDescription()).contains("0.04 for 4 percent");
    }

    @Test
    void anUnknownBenchmarkIsNamed() throws Exception {
        StatusRuntimeException error =
                catchThrowableOfType(StatusRuntimeException.class, () -> performance("team-google", "", "", "NOPE"));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(error)).containsExactly("benchmark");
        StatusRuntimeException malformed = catchThrowableOfType(
                StatusRuntimeException.class, () -> performance("team-google", "", "", "../../etc/passwd"));
        assertThat(malformed.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(malformed))
                .as("named here, not as the basket")
                .containsExactly("benchmark");
    }

    @Test
    void aStoredMemberWithoutPriceAtTheBaseDateIsAFailedPreconditionNamingIt() throws Exception {
        client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(equalBasket("too-early", "NVDA", "GOOGL").setBaseDate("2025-01-02"))
                .build());

        StatusRuntimeException error =
                catchThrowableOfType(StatusRuntimeException.class, () -> performance("too-early", "", "", ""));
        // the request is well formed: what fails is the stored basket against the market data
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(preconditionSubjects(error)).containsExactly("MEMBER_PRICES members[0].symbol");
        assertThat(error.getStatus().getDescription()).contains("NVDA");
    }

    @Test
    void aMemberWhoseLastCloseIsTooOldIsToldWhenAndTheLimit() throws Exception {
        // STALE's last close before the base date 2025-10-29 is 28 days earlier, over max-base-staleness (14 days)
        FakeIngestServer.service().addClose("STALE", "2025-10-01", 10);
        FakeIngestServer.service().addClose("STALE", "2025-10-31", 11);
        client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(equalBasket("stale-member", "NVDA", "STALE"))
                .build());

        StatusRuntimeException error =
                catchThrowableOfType(StatusRuntimeException.class, () -> performance("stale-member", "", "", ""));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(preconditionSubjects(error)).containsExactly("MEMBER_PRICES members[1].symbol");
        assertThat(error.getStatus().getDescription())
                .contains("member STALE's last close before the base date 2025-10-29 is on 2025-10-01 (28 days earlier;"
                        + " the limit is 14 days: capflow.basket.max-base-staleness)")
                .doesNotContain("has no price");
    }

    @Test
    void anFxRateCarriedForwardPastTheLimitNamesPairSeriesDateAndLastObservation() throws Exception {
        // EURGAP (test pair EUR/USD) observes 2025-10-27, then nothing until 2025-12-01: over 14 days from 2025-11-11
        FakeIngestServer.service().register("EURGAP", "USD", InstrumentKind.INSTRUMENT_KIND_FX);
        FakeIngestServer.service().addClose("EURGAP", "2025-10-27", 1.16);
        FakeIngestServer.service().addClose("EURGAP", "2025-12-01", 1.15);
        FakeIngestServer.service().register("EURCO", "EUR", InstrumentKind.INSTRUMENT_KIND_EQUITY);
        FakeIngestServer.service().addClose("EURCO", "2025-10-29", 50);
        FakeIngestServer.service().addClose("EURCO", "2025-11-20", 51);
        client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(equalBasket("fx-gap", "NVDA", "EURCO"))
                .build());

        StatusRuntimeException error =
                catchThrowableOfType(StatusRuntimeException.class, () -> performance("fx-gap", "", "", ""));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(error.getStatus().getDescription())
                .isEqualTo("the FX series EURGAP of EUR/USD (converting EUR into"
                        + " USD for basket fx-gap) has no observation in the 14 days up to 2025-11-11, a date the answer needs:"
                        + " its last before it is on 2025-10-27 (15 days earlier; the limit is 14 days:"
                        + " capflow.basket.fx.max-staleness)");
    }

    @Test
    void anFxSeriesWithoutARecentRateAtTheBaseDateNamesItsLastObservation() throws Exception {
        // CHFOLD (test pair CHF/USD) last observes 58 days before the base date 2025-10-29, then from 2025-11-03
        FakeIngestServer.service().register("CHFOLD", "USD", InstrumentKind.INSTRUMENT_KIND_FX);
        FakeIngestServer.service().addClose("CHFOLD", "2025-09-01", 1.25);
        FakeIngestServer.service().addClose("CHFOLD", "2025-11-03", 1.24);
        FakeIngestServer.service().register("CHFCO", "CHF", InstrumentKind.INSTRUMENT_KIND_EQUITY);
        FakeIngestServer.service().addClose("CHFCO", "2025-10-29", 80);
        client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(equalBasket("fx-old", "NVDA", "CHFCO"))
                .build());

        StatusRuntimeException error =
                catchThrowableOfType(StatusRuntimeException.class, () -> performance("fx-old", "", "", ""));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(error.getStatus().getDescription())
                .isEqualTo(
                        "the FX series CHFOLD of CHF/USD (converting CHF into"
                                + " USD for basket fx-old) has no observation at or before the base date 2025-10-29 within the limit:"
                                + " its last is on 2025-09-01 (58 days earlier; the limit is 14 days: capflow.basket.fx.max-staleness)");
    }

    @Test
    void aMemberWithoutAnyCloseBeforeTheBaseDateStillHasNoPrice() throws Exception {
        client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(equalBasket("never-before", "NVDA", "GOOGL").setBaseDate("2025-01-02"))
                .build());

        StatusRuntimeException error =
                catchThrowableOfType(StatusRuntimeException.class, () -> performance("never-before", "", "", ""));
        assertThat(error.getStatus().getDescription())
                .contains("member NVDA has no price at or before the base date 2025-01-02");
    }

    @Test
    void anUnknownBasketIsNotFound() {
        StatusRuntimeException error =
                catchThrowableOfType(StatusRuntimeException.class, () -> performance("nope", "", "", ""));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    private void assertMatchesFixture(String name) throws IOException {
        JsonObject fixture = fixture(name);
        String benchmark = fixture.getString("benchmark");
        JsonArray windows = fixture.getJsonArray("windows");
        for (int w = 0; w < windows.size(); w++) {
            JsonObject window = windows.getJsonObject(w);
            GetPerformanceResponse answer = client().getPerformance(GetPerformanceRequest.newBuilder()
                    .setBasketId(name)
                    .setFrom(text(window.getString("from")))
                    .setTo(text(window.getString("to")))
                    .setBenchmark(benchmark)
                    .setRiskFreeRate(window.getDouble("riskFreeRate"))
                    .build());
            String label = name + " window " + w;
            FiniteNumbers.assertFinite(answer);
            assertThat(answer.getFrom()).as(label).isEqualTo(window.getString("effectiveFrom"));
            assertThat(answer.getTo()).as(label).isEqualTo(window.getString("effectiveTo"));
            assertMetrics(answer.getMetrics(), window.getJsonObject("metrics"), label);
            JsonArray contributions = window.getJsonArray("contributions");
            assertThat(answer.getContributionsCount()).as(label).isEqualTo(contributions.size());
            for (int i = 0; i < contributions.size(); i++) {
                JsonObject want = contributions.getJsonObject(i);
                Contribution got = answer.getContributions(i);
                assertThat(got.getSymbol()).isEqualTo(want.getString("symbol"));
                assertClose(got.getWeight(), want.getDouble("weight"), label + " weight " + got.getSymbol());
                assertClose(got.getMemberReturn(), want.getDouble("return"), label + " return " + got.getSymbol());
                assertClose(
                        got.getContribution(),
                        want.getDouble("contribution"),
                        label + " contribution " + got.getSymbol());
            }
        }
        GetPerformanceResponse full = performance(name, "", "", "");
        JsonArray series = fixture.getJsonArray("series");
        assertThat(full.getSeriesCount()).isEqualTo(series.size());
        for (int i = 0; i < series.size(); i++) {
            assertThat(full.getSeries(i).getDate())
                    .isEqualTo(series.getJsonObject(i).getString("date"));
            assertClose(full.getSeries(i).getLevel(), series.getJsonObject(i).getDouble("level"), name + " level " + i);
        }
    }

    private static void assertMetrics(Metrics got, JsonObject want, String label) {
        assertClose(got.getTotalReturn(), want.getDouble("totalReturn"), label + " totalReturn");
        // fewer than 252 daily returns: not annualized (0 and listed over gRPC, null over REST)
        assertThat(want.getValue("annualizedReturn")).as(label).isNull();
        assertThat(got.getAnnualizedReturn()).as(label + " annualizedReturn").isZero();
        assertThat(got.getUndefinedList())
                .extracting(UndefinedMetric::getField)
                .as(label + " undefined")
                .containsExactly("annualized_return");
        assertClose(
                got.getAnnualizedVolatility(), want.getDouble("annualizedVolatility"), label + " annualizedVolatility");
        assertClose(got.getSharpe(), want.getDouble("sharpe"), label + " sharpe");
        assertClose(got.getMaxDrawdown(), want.getDouble("maxDrawdown"), label + " maxDrawdown");
        assertThat(got.getMaxDrawdownPeak()).as(label).isEqualTo(text(want.getString("maxDrawdownPeak")));
        assertThat(got.getMaxDrawdownTrough()).as(label).isEqualTo(text(want.getString("maxDrawdownTrough")));
        assertClose(got.getBeta(), want.getDouble("beta"), label + " beta");
        assertClose(got.getCorrelation(), want.getDouble("correlation"), label + " correlation");
    }

    private GetPerformanceResponse performance(String id, String from, String to, String benchmark) {
        return client().getPerformance(GetPerformanceRequest.newBuilder()
                .setBasketId(id)
                .setFrom(from)
                .setTo(to)
                .setBenchmark(benchmark)
                .build());
    }

    /** The StreamBars calls the fake received while {@code action} ran. */
    private static List<StreamBarsRequest> newHistoryCalls(Runnable action) {
        int before = FakeIngestServer.service().streamRequests().size();
        action.run();
        List<StreamBarsRequest> calls = FakeIngestServer.service().streamRequests();
        return calls.subList(before, calls.size());
    }

    private static StreamBarsRequest lastHistoryCall() {
        List<StreamBarsRequest> calls = FakeIngestServer.service().streamRequests();
        return calls.get(calls.size() - 1);
    }

    private static JsonObject fixture(String name) throws IOException {
        return new JsonObject(Files.readString(FIXTURES.resolve(name + ".json")));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** Equal within 1e-9 relative (absolute near zero, where a relative bound means nothing). */
    private static void assertClose(double actual, double expected, String label) {
        double tolerance = RELATIVE * Math.max(1.0, Math.abs(expected));
        assertThat(Math.abs(actual - expected))
                .as(label + ": " + actual + " vs " + expected)
                .isLessThanOrEqualTo(tolerance);
    }
}
