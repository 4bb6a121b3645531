package dev.capflow.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.google.protobuf.Timestamp;
import dev.capflow.gateway.client.BasketClient;
import dev.capflow.gateway.client.ExposureClient;
import dev.capflow.gateway.client.IngestClient;
import dev.capflow.gateway.fake.Answer;
import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.proto.basket.v1.Basket;
import dev.capflow.proto.basket.v1.BasketMember;
import dev.capflow.proto.basket.v1.BasketServiceGrpc;
import dev.capflow.proto.basket.v1.GetBasketResponse;
import dev.capflow.proto.basket.v1.ListBasketsResponse;
import dev.capflow.proto.basket.v1.Rebalance;
import dev.capflow.proto.basket.v1.Weighting;
import dev.capflow.proto.exposure.v1.Confidence;
import dev.capflow.proto.exposure.v1.Edge;
import dev.capflow.proto.exposure.v1.EdgeKind;
import dev.capflow.proto.exposure.v1.Entity;
import dev.capflow.proto.exposure.v1.EntityKind;
import dev.capflow.proto.exposure.v1.ExposureServiceGrpc;
import dev.capflow.proto.exposure.v1.GetEdgeResponse;
import dev.capflow.proto.exposure.v1.GetEntityResponse;
import dev.capflow.proto.exposure.v1.ListEdgesResponse;
import dev.capflow.proto.exposure.v1.ListEntitiesResponse;
import dev.capflow.proto.exposure.v1.ListLoopsResponse;
import dev.capflow.proto.exposure.v1.LookThroughResponse;
import dev.capflow.proto.exposure.v1.Loop;
import dev.capflow.proto.ingest.v1.DailyBar;
import dev.capflow.proto.ingest.v1.GetBarsResponse;
import dev.capflow.proto.ingest.v1.GetLatestPricesResponse;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.Instrument;
import dev.capflow.proto.ingest.v1.InstrumentKind;
import dev.capflow.proto.ingest.v1.LatestPrice;
import dev.capflow.proto.ingest.v1.ListInstrumentsResponse;
import dev.capflow.proto.ingest.v1.PriceSource;
import dev.capflow.testsupport.PostgresRedisResource;
import dev.capflow.testsupport.RedisProxyResource;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fault tolerance of every read route, on a real Redis behind a proxy: the last good answer served stale (marked
 * {@code X-Capflow-Stale: true}) while its service is down or too slow, 503/504 problem+json within the deadline
 * without one, the breaker opening, trying again (half-open) and closing, and answers still coming from the service
 * while Redis is down.
 */
@QuarkusTest
@TestProfile(AnswerCacheProfile.WithShortDeadlines.class)
@WithTestResource(FakeIngestServer.class)
class StaleAnswersTest extends GatewayTest {

    private static final Basket GOOGLE = Basket.newBuilder()
            .setId("team-google")
            .setName("Team Google")
            .setCurrency("USD")
            .setBaseDate("2025-10-29")
            .setBaseValue(100)
            .setWeighting(Weighting.WEIGHTING_EQUAL)
            .setRebalance(Rebalance.REBALANCE_NONE)
            .addMembers(BasketMember.newBuilder().setSymbol("GOOGL").setWeight(1))
            .setVersion(2)
            .build();
    private static final Entity OPENAI = Entity.newBuilder()
            .setId("openai")
            .setName("OpenAI")
            .setKind(EntityKind.ENTITY_KIND_PRIVATE)
            .setVersion(1)
            .build();
    private static final Edge ORACLE_DEAL = Edge.newBuilder()
            .setId("e14-openai-oracle-purchase")
            .setFrom("openai")
            .setTo("oracle")
            .setKind(EdgeKind.EDGE_KIND_PURCHASE)
            .setAmountUsd(3e11)
            .setAsOf("2025-09-10")
            .setSource("https://example.org/wsj")
            .setConfidence(Confidence.CONFIDENCE_HIGH)
            .build();

    /** One read route: its path, the gRPC method behind it, a good answer and a text that answer puts in the body. */
    private record Route<R>(String path, MethodDescriptor<?, R> method, R answer, String marker, String breaker) {
        @Override
        public String toString() {
            return path;
        }
    }

    static Stream<Arguments> routes() {
        return Stream.of(
                        new Route<>(
                                "/api/v1/instruments",
                                IngestServiceGrpc.getListInstrumentsMethod(),
                                ListInstrumentsResponse.newBuilder()
                                        .addInstruments(Instrument.newBuilder()
                                                .setSymbol("NVDA")
                                                .setName("NVIDIA")
                                                .setCurrency("USD")
                                                .setExchange("NASDAQ")
                                                .setKind(InstrumentKind.INSTRUMENT_KIND_EQUITY)
                                                .setVersion(1))
                                        .build(),
                                "NVIDIA",
                                IngestClient.BREAKER),
                        new Route<>(
                                "/api/v1/prices/NVDA/bars",
                                IngestServiceGrpc.getGetBarsMethod(),
                                GetBarsResponse.newBuilder()
                                        .setSymbol("NVDA")
                                        .addBars(DailyBar.newBuilder()
                                                .setSymbol("NVDA")
                                                .setDate("2025-10-29")
                                                .setOpen(1)
                                                .setHigh(1)
                                                .setLow(1)
                                                .setClose(207.04))
                                        .build(),
                                "207.04",
                                IngestClient.BREAKER),
                        new Route<>(
                                "/api/v1/prices/latest?symbols=NVDA",
                                IngestServiceGrpc.getGetLatestPricesMethod(),
                                GetLatestPricesResponse.newBuilder()
                                        .addPrices(LatestPrice.newBuilder()
                                                .setSymbol("NVDA")
                                                .setPrice(207.04)
                                                .setTs(Timestamp.newBuilder().setSeconds(1_761_768_000L))
                                                .setSource(PriceSource.PRICE_SOURCE_TICK))
                                        .build(),
                                "207.04",
                                IngestClient.BREAKER),
                        new Route<>(
                                "/api/v1/baskets",
                                BasketServiceGrpc.getListBasketsMethod(),
                                ListBasketsResponse.newBuilder()
                                        .addBaskets(GOOGLE)
                                        .build(),
                                "Team Google",
                                BasketClient.BREAKER),
                        new Route<>(
                                "/api/v1/baskets/team-google",
                                BasketServiceGrpc.getGetBasketMethod(),
                                GetBasketResponse.newBuilder().setBasket(GOOGLE).build(),
                                "Team Google",
                                BasketClient.BREAKER),
                        new Route<>(
                                "/api/v1/exposure/entities",
                                ExposureServiceGrpc.getListEntitiesMethod(),
                                ListEntitiesResponse.newBuilder()
                                        .addEntities(OPENAI)
                                        .build(),
                                "OpenAI",
                                ExposureClient.BREAKER),
                        new Route<>(
                                "/api/v1/exposure/entities/openai",
                                ExposureServiceGrpc.getGetEntityMethod(),
                                GetEntityResponse.newBuilder().setEntity(OPENAI).build(),
                                "OpenAI",
                                ExposureClient.BREAKER),
                        new Route<>(
                                "/api/v1/exposure/edges",
                                ExposureServiceGrpc.getListEdgesMethod(),
                                ListEdgesResponse.newBuilder()
                                        .addEdges(ORACLE_DEAL)
                                        .build(),
                                "e14-openai-oracle-purchase",
                                ExposureClient.BREAKER),
                        new Route<>(
                                "/api/v1/exposure/edges/e14-openai-oracle-purchase",
                                ExposureServiceGrpc.getGetEdgeMethod(),
                                GetEdgeResponse.newBuilder()
                                        .setEdge(ORACLE_DEAL)
                                        .build(),
                                "example.org/wsj",
                                ExposureClient.BREAKER),
                        new Route<>(
                                "/api/v1/exposure/loops",
                                ExposureServiceGrpc.getListLoopsMethod(),
                                ListLoopsResponse.newBuilder()
                                        .addLoops(Loop.newBuilder()
                                                .addEntities("nvidia")
                                                .addEntities("openai")
                                                .setTotalUsd(4.4e11))
                                        .build(),
                                "nvidia",
                                ExposureClient.BREAKER),
                        new Route<>(
                                "/api/v1/exposure/lookthrough?target=openai",
                                ExposureServiceGrpc.getLookThroughMethod(),
                                LookThroughResponse.newBuilder()
                                        .setTarget("openai")
                                        .setTargetValueUsd(5e11)
                                        .build(),
                                "openai",
                                ExposureClient.BREAKER))
                .map(Arguments::of);
    }

    /** One route per downstream service, for the slower paths. */
    static Stream<Arguments> oneRoutePerService() {
        return routes().filter(route -> Stream.of("/api/v1/instruments", "/api/v1/baskets", "/api/v1/exposure/entities")
                .anyMatch(route.get()[0].toString()::equals));
    }

    @BeforeEach
    void emptyRedis() {
        PostgresRedisResource.datastores().redisCommand("FLUSHDB");
    }

    @AfterEach
    void restoreRedis() {
        RedisProxyResource.proxy().restore();
    }

    private static Response get(Route<?> route) {
        return given().when().get(route.path());
    }

    private <R> void scriptAnswer(Route<R> route) {
        fake.script(route.method(), Answer.reply(route.answer()));
    }

    private void scriptUnavailable(Route<?> route, int times) {
        for (int i = 0; i < times; i++) {
            fake.script(route.method(), Answer.fail(Status.UNAVAILABLE));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    <R> void whileTheServiceIsDownTheLastGoodAnswerIsServedStaleAndWithoutOneA503(Route<R> route) {
        scriptAnswer(route);
        Response fresh = get(route);
        fresh.then()
                .statusCode(200)
                .header(CachedAnswerResponses.STALE_HEADER, nullValue())
                .body(containsString(route.marker()));

        scriptUnavailable(route, 3);
        Response stale = get(route);
        stale.then()
                .statusCode(200)
                .header(CachedAnswerResponses.STALE_HEADER, equalTo("true"))
                .header("Warning", equalTo("110 - \"Response is Stale\""));
        assertThat(stale.asByteArray()).isEqualTo(fresh.asByteArray());
        assertThat(fake.requests(route.method()))
                .as("one answer, then one call and two retries")
                .hasSize(4);
        assertThat(breakers.currentState(route.breaker())).isEqualTo(CircuitBreakerState.OPEN);

        PostgresRedisResource.datastores().redisCommand("FLUSHDB");
        get(route)
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:capflow:problem:upstream-unavailable"));
        assertThat(fake.requests(route.method()))
                .as("the open breaker asked nobody")
                .hasSize(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneRoutePerService")
    <R> void aServiceSlowerThanTheDeadlineIs504WithinItOrTheStaleAnswer(Route<R> route) {
        fake.script(route.method(), Answer.reply(route.answer()).after(Duration.ofSeconds(4)));
        long started = System.nanoTime();
        get(route)
                .then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:capflow:problem:upstream-timeout"));
        // this profile's read deadlines are 1s and DEADLINE_EXCEEDED is not retried; the fake would answer after 4s:
        // the 504 is
        // the deadline the call carried (how long past it the answer came is the machine's load, not asserted)
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(fake.longestTimeLeft(route.method())).isLessThanOrEqualTo(Duration.ofSeconds(1));

        scriptAnswer(route);
        get(route).then().statusCode(200).header(CachedAnswerResponses.STALE_HEADER, nullValue());
        fake.script(route.method(), Answer.reply(route.answer()).after(Duration.ofSeconds(4)));
        started = System.nanoTime();
        get(route)
                .then()
                .statusCode(200)
                .header(CachedAnswerResponses.STALE_HEADER, equalTo("true"))
                .body(containsString(route.marker()));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(fake.longestTimeLeft(route.method())).isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneRoutePerService")
    <R> void anOpenBreakerTriesAgainAfterItsDelayAndClosesOnceTheServiceAnswers(Route<R> route) {
        scriptAnswer(route);
        get(route).then().statusCode(200);
        scriptUnavailable(route, 3);
        get(route).then().statusCode(200).header(CachedAnswerResponses.STALE_HEADER, equalTo("true"));
        assertThat(breakers.currentState(route.breaker())).isEqualTo(CircuitBreakerState.OPEN);

        // half-open after the breaker's 5s delay: the trial call fails, so the breaker opens again
        scriptUnavailable(route, 1);
        await().pollDelay(Duration.ofMillis(5100))
                .atMost(Duration.ofSeconds(10))
                .until(() -> fake.requests(route.method()).size() == 5 || tryOnce(route));
        assertThat(fake.requests(route.method()))
                .as("one trial call, not retried by an open breaker")
                .hasSize(5);
        assertThat(breakers.currentState(route.breaker())).isEqualTo(CircuitBreakerState.OPEN);

        // the next trial succeeds: a fresh answer and a closed breaker
        scriptAnswer(route);
        await().pollDelay(Duration.ofMillis(5100))
                .atMost(Duration.ofSeconds(10))
                .until(() -> {
                    Response response = get(route);
                    return response.statusCode() == 200 && response.header(CachedAnswerResponses.STALE_HEADER) == null;
                });
        assertThat(breakers.currentState(route.breaker())).isEqualTo(CircuitBreakerState.CLOSED);
        assertThat(fake.requests(route.method())).hasSize(6);
    }

    /** One request; false so a wait goes on until the condition before it holds. */
    private static boolean tryOnce(Route<?> route) {
        get(route).then().statusCode(200).header(CachedAnswerResponses.STALE_HEADER, equalTo("true"));
        return false;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneRoutePerService")
    <R> void withRedisDownAnswersStillComeFromTheServiceAndAnOutageIsAPlain503(Route<R> route) {
        RedisProxyResource.proxy().cut();
        scriptAnswer(route);
        get(route)
                .then()
                .statusCode(200)
                .header(CachedAnswerResponses.STALE_HEADER, nullValue())
                .body(containsString(route.marker()));

        scriptUnavailable(route, 3);
        get(route).then().statusCode(503).contentType("application/problem+json");
        assertThat(fake.requests(route.method())).hasSize(4);
    }
}
