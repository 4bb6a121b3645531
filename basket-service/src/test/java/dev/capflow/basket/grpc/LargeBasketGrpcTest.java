package dev.capflow.basket.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capflow.basket.fake.FakeIngestServer;
import dev.capflow.proto.basket.v1.Basket;
import dev.capflow.proto.basket.v1.Contribution;
import dev.capflow.proto.basket.v1.CreateBasketRequest;
import dev.capflow.proto.basket.v1.GetPerformanceRequest;
import dev.capflow.proto.basket.v1.GetPerformanceResponse;
import dev.capflow.testsupport.PostgresRedisResource;
import dev.capflow.testsupport.SyntheticPrices;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Baskets whose history is far larger than one gRPC message (500 members over 10 years: 1.3 million closes, about
 * 78 MB of bars as one message) answer through StreamBars, equal to an independent pandas computation on the same
 * synthetic closes ({@code bench/large_basket_pandas.py}) within 1e-9 relative; past the configured limits the answer
 * is a clear refusal naming the limit.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "3"))
@QuarkusTestResource(FakeIngestServer.class)
class LargeBasketGrpcTest extends GrpcTestBase {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");
    private static final double RELATIVE = 1e-9;
    private static final long LARGE_DEADLINE_SECONDS = 120;

    @BeforeAll
    static void registerSyntheticInstruments() {
        FakeIngestServer.service().addSynthetic(3_001);
    }

    @Test
    void fiveHundredMembersOverTenYearsEqualPandas() throws IOException {
        assertMatchesFixture("large-500-members-10-years");
    }

    @Test
    void twoThousandMembersOverOneYearAreAcceptedAndEqualPandas() throws IOException {
        assertMatchesFixture("large-2000-members-1-year");
    }

    @Test
    void aHistoryOverTheConfiguredPointsIsRefusedNamingTheLimit() {
        // 2,000 members over 10 years: 7.3 million closes, over capflow.basket.max-history-points (3,000,000)
        large().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(basket("too-long", 2_000, "2016-01-04"))
                .build());

        StatusRuntimeException refused = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> large().getPerformance(GetPerformanceRequest.newBuilder()
                        .setBasketId("too-long")
                        .setTo("2025-12-31")
                        .build()));
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(refused.getStatus().getDescription())
                .contains("capflow.basket.max-history-points=3000000")
                .contains("2000 series");
    }

    @Test
    void moreMembersThanConfiguredAreRefusedNamingTheField() throws Exception {
        StatusRuntimeException refused = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> large().createBasket(CreateBasketRequest.newBuilder()
                        .setBasket(basket("too-many", 3_001, "2025-01-02"))
                        .build()));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(refused)).containsExactly("basket.members");
        assertThat(refused.getStatus().getDescription()).contains("capflow.basket.max-members");
    }

    private void assertMatchesFixture(String name) throws IOException {
        JsonObject fixture = new JsonObject(Files.readString(FIXTURES.resolve(name + ".json")));
        large().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(basket(name, fixture.getInteger("members"), fixture.getString("baseDate")))
                .build());

        int before = FakeIngestServer.service().streamRequests().size();
        GetPerformanceResponse answer = large().getPerformance(GetPerformanceRequest.newBuilder()
                .setBasketId(name)
                .setTo(fixture.getString("to"))
                .build());
        assertThat(FakeIngestServer.service()
                        .streamRequests()
                        .subList(before, before + 1)
                        .get(0)
                        .getSymbolsCount())
                .isEqualTo(fixture.getInteger("members"));

        JsonObject metrics = fixture.getJsonObject("metrics");
        assertClose(answer.getMetrics().getTotalReturn(), metrics.getDouble("totalReturn"), "totalReturn");
        assertClose(
                answer.getMetrics().getAnnualizedReturn(), metrics.getDouble("annualizedReturn"), "annualizedReturn");
        assertClose(
                answer.getMetrics().getAnnualizedVolatility(),
                metrics.getDouble("annualizedVolatility"),
                "annualizedVolatility");
        assertClose(answer.getMetrics().getMaxDrawdown(), metrics.getDouble("maxDrawdown"), "maxDrawdown");
        assertThat(answer.getMetrics().getMaxDrawdownPeak()).isEqualTo(metrics.getString("maxDrawdownPeak"));
        assertThat(answer.getMetrics().getMaxDrawdownTrough()).isEqualTo(metrics.getString("maxDrawdownTrough"));

        JsonArray series = fixture.getJsonArray("series");
        assertThat(answer.getSeriesCount()).isEqualTo(series.size());
        for (int i = 0; i < series.size(); i++) {
            assertThat(answer.getSeries(i).getDate())
                    .isEqualTo(series.getJsonObject(i).getString("date"));
            assertClose(answer.getSeries(i).getLevel(), series.getJsonObject(i).getDouble("level"), "level " + i);
        }
        JsonArray contributions = fixture.getJsonArray("contributions");
        assertThat(answer.getContributionsCount()).isEqualTo(contributions.size());
        for (int i = 0; i < contributions.size(); i++) {
            JsonObject want = contributions.getJsonObject(i);
            Contribution got = answer.getContributions(i);
            assertThat(got.getSymbol()).isEqualTo(want.getString("symbol"));
            assertClose(got.getMemberReturn(), want.getDouble("return"), "return " + got.getSymbol());
            assertClose(got.getContribution(), want.getDouble("contribution"), "contribution " + got.getSymbol());
        }
    }

    /** An equal-weighted basket of the first {@code members} synthetic symbols. */
    private static Basket basket(String id, int members, String baseDate) {
        return equalBasket(
                        id,
                        IntStream.range(0, members)
                                .mapToObj(SyntheticPrices::symbol)
                                .toArray(String[]::new))
                .setBaseDate(baseDate)
                .build();
    }

    private dev.capflow.proto.basket.v1.BasketServiceGrpc.BasketServiceBlockingStub large() {
        return blockingStub.withDeadlineAfter(LARGE_DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    private static void assertClose(double actual, double expected, String label) {
        double tolerance = RELATIVE * Math.max(1.0, Math.abs(expected));
        assertThat(Math.abs(actual - expected))
                .as(label + ": " + actual + " vs " + expected)
                .isLessThanOrEqualTo(tolerance);
    }
}
