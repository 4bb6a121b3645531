package dev.capflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import dev.capflow.proto.basket.v1.BasketServiceGrpc;
import dev.capflow.proto.basket.v1.GetPerformanceRequest;
import dev.capflow.proto.basket.v1.WatchBasketRequest;
import dev.capflow.proto.basket.v1.WatchBasketResponse;
import dev.capflow.testsupport.BearerChannels;
import dev.capflow.testsupport.ProjectRoot;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Baskets end to end: real ingest-service, basket-service and gateway processes on a real PostgreSQL and
 * Redis, the demo data loaded through the gateway, and the seeded baskets' performance read back through it.
 */
class GatewayBasketsIT {

    private static final String FROM = "2025-10-29";
    private static final String TO = "2025-12-31";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int HISTORY_LIMIT = 100_000;

    private static DemoPlatform platform;
    private static GatewayApi api;

    @BeforeAll
    static void startPlatformAndLoadDemo() throws Exception {
        // a history limit an operator lowered: the demo baskets' answers stay far below it
        platform = DemoPlatform.start(
                false,
                Map.of("basket-service", Map.of("CAPFLOW_BASKET_MAX_HISTORY_POINTS", String.valueOf(HISTORY_LIMIT))));
        api = platform.api();
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        platform.close();
    }

    @Test
    void theSeededBasketsAreListed() {
        JsonPath baskets = api.request()
                .get("/api/v1/baskets")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(baskets.getList("id", String.class)).contains("team-google", "team-openai");
        List<Map<String, Object>> members = baskets.getList("find { it.id == 'team-google' }.members");
        assertThat(members)
                .extracting(member -> member.get("symbol"))
                .containsExactlyInAnyOrder("GOOGL", "AVGO", "CLS", "LITE", "TTMI");
    }

    @Test
    void aCreateRetriedWithItsIdempotencyKeyStoresOneBasketAndPagesLeadThroughEveryBasket() {
        String body = """
                {"name": "Retried through the gateway", "currency": "USD", "baseDate": "2025-10-29",
                 "members": [{"symbol": "NVDA"}, {"symbol": "AMD"}]}""";
        String first = api.request()
                .contentType("application/json")
                .header("Idempotency-Key", "e2e-retry-1")
                .body(body)
                .post("/api/v1/baskets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String retried = api.request()
                .contentType("application/json")
                .header("Idempotency-Key", "e2e-retry-1")
                .body(body)
                .post("/api/v1/baskets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            var request = api.request().queryParam("pageSize", 1);
            if (token != null) {
                request.queryParam("pageToken", token);
            }
            var page = request.get("/api/v1/baskets").then().statusCode(200).extract();
            names.addAll(page.jsonPath().getList("name", String.class));
            ids.addAll(page.jsonPath().getList("id", String.class));
            token = page.header("X-Next-Page-Token");
        } while (token != null);

        assertThat(retried).isEqualTo(first);
        assertThat(names).filteredOn("Retried through the gateway"::equals).hasSize(1);
        assertThat(ids)
                .contains(first, "team-google", "team-openai")
                .doesNotHaveDuplicates()
                .isSorted();
    }

    @Test
    void teamGoogleOutperformsTeamOpenAiAndCompareSpreadIsTheDifferenceOfTotalReturns() {
        JsonPath google = performance("team-google");
        JsonPath openai = performance("team-openai");
        double googleReturn = google.getDouble("metrics.totalReturn");
        double openaiReturn = openai.getDouble("metrics.totalReturn");

        assertThat(google.getString("from")).isEqualTo(FROM);
        assertThat(google.getString("to")).isEqualTo(TO);
        List<Double> levels = google.getList("series.level", Double.class);
        assertThat(levels.get(0)).isEqualTo(100.0);
        assertThat(googleReturn).isCloseTo(levels.get(levels.size() - 1) / levels.get(0) - 1, within(1e-12));
        assertThat(googleReturn).as("Team Google beats Team OpenAI").isGreaterThan(openaiReturn);
        assertThat(google.getList("contributions.contribution", Double.class).stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .as("contributions sum to the total return")
                .isCloseTo(googleReturn, within(1e-12));

        JsonPath compare = api.request()
                .queryParam("a", "team-google")
                .queryParam("b", "team-openai")
                .queryParam("from", FROM)
                .queryParam("to", TO)
                .get("/api/v1/compare")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Double> spreads = compare.getList("series.spread", Double.class);
        assertThat(compare.getString("a")).isEqualTo("team-google");
        assertThat(compare.getList("series.date", String.class)).last().isEqualTo(TO);
        assertThat(spreads.get(spreads.size() - 1)).isCloseTo(googleReturn - openaiReturn, within(1e-12));
    }

    /**
     * With the demo's dividends loaded as corporate actions, the TOTAL returns of both seeded baskets equal the
     * independent pandas computation with the CRSP rule (basket-engine/src/test/python/make_fixtures.py), within 1e-9.
     */
    @Test
    void totalReturnsEqualTheIndependentCrspComputationAndDifferFromPriceReturns() throws IOException {
        // JsonPath reads numbers as floats unless told otherwise, which would hide anything beyond 1e-8
        JsonPathConfig doubles = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);
        JsonPath fixture = JsonPath.from(Files.readString(
                        ProjectRoot.path().resolve("e2e-tests/src/test/resources/fixtures/total-returns.json")))
                .using(doubles);
        for (String basket : List.of("team-google", "team-openai")) {
            Map<String, Object> expected = fixture.getMap("baskets.'" + basket + "'");
            JsonPath total = JsonPath.from(api.request()
                            .queryParam("from", FROM)
                            .queryParam("to", TO)
                            .queryParam("returnType", "TOTAL")
                            .get("/api/v1/baskets/{id}/performance", basket)
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .using(doubles);
            double totalReturn = total.getDouble("metrics.totalReturn");
            double priceReturn = JsonPath.from(api.request()
                            .queryParam("from", FROM)
                            .queryParam("to", TO)
                            .get("/api/v1/baskets/{id}/performance", basket)
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .using(doubles)
                    .getDouble("metrics.totalReturn");

            assertThat(total.getString("returnType")).isEqualTo("TOTAL");
            assertThat(totalReturn)
                    .as(basket + " total return")
                    .isCloseTo(((Number) expected.get("totalReturn")).doubleValue(), within(1e-9));
            assertThat(priceReturn)
                    .as(basket + " price return")
                    .isCloseTo(((Number) expected.get("priceReturn")).doubleValue(), within(1e-9));
            assertThat(Math.abs(totalReturn - priceReturn))
                    .as(basket + ": its dividends count")
                    .isGreaterThan(1e-4);
            List<Double> levels = total.getList("series.level", Double.class);
            List<Map<String, Object>> reference = fixture.getList("baskets.'" + basket + "'.series");
            assertThat(levels).hasSize(reference.size());
            for (int t = 0; t < levels.size(); t++) {
                double want = ((Number) reference.get(t).get("level")).doubleValue();
                assertThat(levels.get(t))
                        .as(basket + " level " + reference.get(t).get("date"))
                        .isCloseTo(want, within(1e-9 * want));
            }
        }
    }

    @Test
    void aTickPostedThroughTheGatewayMovesAWatchedBasketsLiveLevel() throws Exception {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", platform.basketGrpcPort())
                .usePlaintext()
                .build();
        // cancelled through its context at the end, so the stream does not outlive the test
        Context.CancellableContext call = Context.current().withCancellation();
        try {
            Iterator<WatchBasketResponse> watcher =
                    call.call(() -> BasketServiceGrpc.newBlockingStub(BearerChannels.withRole(channel, "viewer"))
                            .withDeadlineAfter(60, TimeUnit.SECONDS)
                            .watchBasket(WatchBasketRequest.newBuilder()
                                    .setBasketId("team-google")
                                    .build()));
            WatchBasketResponse start = watcher.next();
            List<Double> levels = performance("team-google").getList("series.level", Double.class);
            double lastLevel = levels.get(levels.size() - 1);
            assertThat(start.getLevel())
                    .as("the live level starts at the last close's level")
                    .isCloseTo(lastLevel, within(1e-9));

            double liteBase = close("LITE", FROM);
            double liteLast = close("LITE", TO);
            double tick = liteLast * 1.25;
            Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            JsonPath report = api.postJson(
                            "/prices/ticks",
                            "[{\"symbol\": \"LITE\", \"ts\": \"" + ts + "\", \"price\": " + tick + ", \"size\": 10}]")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(report.getInt("accepted")).isEqualTo(1);

            WatchBasketResponse moved = watcher.next();
            // buy-and-hold, equal weights: LITE holds 0.2 * 100 / P(base) units, so the tick adds units * (tick - last
            // close)
            assertThat(moved.getLevel()).isCloseTo(lastLevel + 0.2 * 100 / liteBase * (tick - liteLast), within(1e-9));
            assertThat(moved.getTs().getSeconds()).isEqualTo(ts.getEpochSecond());
        } finally {
            call.cancel(null);
            channel.shutdownNow();
        }
    }

    @Test
    void theGatewaysEventStreamsCarryAPostedTickAndTheBasketLevelItMoves() throws Exception {
        try (EventStream prices = EventStream.open(platform.gatewayUrl(), "/api/v1/stream/prices?symbols=TTMI");
                EventStream levels = EventStream.open(platform.gatewayUrl(), "/api/v1/stream/baskets/team-google")) {
            double before = levels.next("level", WAIT).json().getDouble("level");
            double ttmiBase = close("TTMI", FROM);
            double ttmiLast = close("TTMI", TO);
            double tick = ttmiLast * 0.9;

            // the gateway opens its upstream call as the stream starts: post until the stream carries a tick
            Set<Instant> posted = new HashSet<>();
            EventStream.Event received = null;
            for (int attempt = 0; received == null && attempt < 20; attempt++) {
                Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                api.postJson(
                                "/prices/ticks",
                                "[{\"symbol\": \"TTMI\", \"ts\": \"" + ts + "\", \"price\": " + tick
                                        + ", \"size\": 25}]")
                        .then()
                        .statusCode(200)
                        .body("accepted", equalTo(1));
                posted.add(ts);
                received = prices.poll("tick", Duration.ofSeconds(1));
            }
            assertThat(received).as("a posted tick on the price stream").isNotNull();
            JsonPath event = received.json();
            assertThat(event.getString("symbol")).isEqualTo("TTMI");
            assertThat(event.getDouble("price")).isEqualTo(tick);
            assertThat(posted).contains(Instant.parse(event.getString("ts")));
            assertThat(event.getLong("size")).isEqualTo(25);

            JsonPath moved = levels.next("level", WAIT).json();
            // buy-and-hold, equal weights: TTMI holds 0.2 * 100 / P(base) units; every posted tick had the same price
            assertThat(moved.getDouble("level"))
                    .isCloseTo(before + 0.2 * 100 / ttmiBase * (tick - ttmiLast), within(1e-9));
            assertThat(moved.getString("basketId")).isEqualTo("team-google");
        }
    }

    @Test
    void aPerformanceWindowPastTheHistoryLimitIs413NamingTheLimitThroughTheGatewayAndResourceExhaustedOnGrpc() {
        // 5 members x about 27,460 days up to 2100-12-31 (the last date there is): over 137,000 closes
        String far = "2100-12-31";
        JsonPath problem = api.request()
                .queryParam("to", far)
                .get("/api/v1/baskets/{id}/performance", "team-google")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .extract()
                .jsonPath();
        assertThat(problem.getInt("status")).isEqualTo(413);
        assertThat(problem.getString("detail"))
                .contains("capflow.basket.max-history-points=" + HISTORY_LIMIT)
                .contains("basket team-google needs ")
                .doesNotContain("INTERNAL");

        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", platform.basketGrpcPort())
                .usePlaintext()
                .build();
        try {
            StatusRuntimeException refused = catchThrowableOfType(
                    StatusRuntimeException.class,
                    () -> BasketServiceGrpc.newBlockingStub(BearerChannels.withRole(channel, "viewer"))
                            .withDeadlineAfter(30, TimeUnit.SECONDS)
                            .getPerformance(GetPerformanceRequest.newBuilder()
                                    .setBasketId("team-google")
                                    .setTo(far)
                                    .build()));
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            assertThat(refused.getStatus().getDescription())
                    .contains("capflow.basket.max-history-points=" + HISTORY_LIMIT);
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void aBasketPastTheMembersLimitIs400NamingMembersAndTheLimit() {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i <= 3_000; i++) {
            members.append(i == 0 ? "" : ",")
                    .append("{\"symbol\": \"M")
                    .append(i)
                    .append("\"}");
        }
        JsonPath problem = api.postJson(
                        "/baskets",
                        "{\"id\": \"too-many\", \"name\": \"3,001 members\", \"currency\": \"USD\","
                                + " \"baseDate\": \"2025-10-29\", \"members\": [" + members + "]}")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .extract()
                .jsonPath();
        assertThat(problem.getList("violations.field", String.class)).containsExactly("members");
        assertThat(problem.getString("violations[0].reason"))
                .contains("capflow.basket.max-members")
                .contains("3001");
        api.request().get("/api/v1/baskets/too-many").then().statusCode(404);
    }

    private static double close(String symbol, String date) throws IOException {
        return Files.readAllLines(ProjectRoot.path().resolve("demo/prices/" + symbol + ".csv")).stream()
                .filter(line -> line.startsWith(date + ","))
                .map(line -> Double.parseDouble(line.split(",")[1]))
                .findFirst()
                .orElseThrow();
    }

    private static JsonPath performance(String basketId) {
        return api.request()
                .queryParam("from", FROM)
                .queryParam("to", TO)
                .queryParam("benchmark", "QQQ")
                .get("/api/v1/baskets/{id}/performance", basketId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
