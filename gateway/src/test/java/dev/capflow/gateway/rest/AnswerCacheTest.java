package dev.capflow.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.capflow.gateway.fake.Answer;
import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.proto.basket.v1.BasketServiceGrpc;
import dev.capflow.proto.basket.v1.ComparePoint;
import dev.capflow.proto.basket.v1.CompareResponse;
import dev.capflow.proto.basket.v1.GetPerformanceResponse;
import dev.capflow.proto.basket.v1.LevelPoint;
import dev.capflow.testsupport.PostgresRedisResource;
import dev.capflow.testsupport.RedisProxyResource;
import io.grpc.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared Redis response cache of /baskets/{id}/performance and /compare, on a real Redis: a fresh answer is
 * served as the stored bytes while basket-service's answer generation of every basket involved stays put; a moved or
 * missing generation goes to basket-service (a missing one created first, so that answer is cached); Redis down goes to basket-service; basket-service down serves the last
 * good answer marked stale.
 */
@QuarkusTest
@TestProfile(AnswerCacheProfile.class)
@WithTestResource(FakeIngestServer.class)
class AnswerCacheTest extends GatewayTest {

    private static final String PERFORMANCE = "/api/v1/baskets/team-google/performance";
    private static final String GENERATION = "capflow:basket:{generations}:team-google:generation";

    @BeforeEach
    void emptyRedis() {
        redis("FLUSHDB");
    }

    @AfterEach
    void restoreRedis() {
        RedisProxyResource.proxy().restore();
    }

    private static String redis(String... command) {
        return PostgresRedisResource.datastores().redisCommand(command);
    }

    private static GetPerformanceResponse performance(double level) {
        return GetPerformanceResponse.newBuilder()
                .setBasketId("team-google")
                .setFrom("2025-10-29")
                .setTo("2025-10-30")
                .setBasketVersion(2)
                .addSeries(LevelPoint.newBuilder().setDate("2025-10-30").setLevel(level))
                .build();
    }

    private static Response get(String path) {
        return given().queryParam("to", "2025-10-30").when().get(path);
    }

    private int performanceCalls() {
        return fake.requests(BasketServiceGrpc.getGetPerformanceMethod()).size();
    }

    @Test
    void aFreshAnswerIsServedFromRedisUntilTheBasketsGenerationMoves() {
        redis("SET", "capflow:basket:{generations}:team-google:generation", "41");
        fake.script(
                BasketServiceGrpc.getGetPerformanceMethod(),
                Answer.reply(performance(101)),
                Answer.reply(performance(102)));

        Response first = get(PERFORMANCE);
        first.then()
                .statusCode(200)
                .contentType("application/json")
                .body("series[0].level", equalTo(101.0f))
                .header(CachedAnswerResponses.STALE_HEADER, nullValue());
        Response second = get(PERFORMANCE);
        second.then().statusCode(200).contentType("application/json");
        assertThat(second.asByteArray())
                .as("the stored bytes, as sent the first time")
                .isEqualTo(first.asByteArray());
        assertThat(performanceCalls()).isEqualTo(1);

        redis("INCR", "capflow:basket:{generations}:team-google:generation");
        get(PERFORMANCE).then().statusCode(200).body("series[0].level", equalTo(102.0f));
        assertThat(performanceCalls()).isEqualTo(2);
        get(PERFORMANCE).then().statusCode(200).body("series[0].level", equalTo(102.0f));
        assertThat(performanceCalls()).as("cached under the new generation").isEqualTo(2);
    }

    @Test
    void aMissingGenerationIsCreatedBeforeTheAnswerIsAskedForSoTheNextAnswerIsAHit() {
        redis("SET", GENERATION, "41");
        fake.script(
                BasketServiceGrpc.getGetPerformanceMethod(),
                Answer.reply(performance(101)),
                Answer.reply(performance(102)));
        get(PERFORMANCE).then().statusCode(200).body("series[0].level", equalTo(101.0f));

        // the generation is gone (Redis restarted empty, a flush, an eviction): what was cached under it is no answer
        redis("DEL", GENERATION);
        get(PERFORMANCE).then().statusCode(200).body("series[0].level", equalTo(102.0f));
        assertThat(redis("GET", GENERATION))
                .as("created from the clock in microseconds, never an old value")
                .containsPattern("\\$16\\r\\n\\d{16}\\r\\n");
        assertThat(redis("SISMEMBER", "capflow:basket:{generations}:baskets", "team-google"))
                .as("among the baskets a repair moves")
                .endsWith(":1\r\n");
        get(PERFORMANCE).then().statusCode(200).body("series[0].level", equalTo(102.0f));
        assertThat(performanceCalls())
                .as("the answer asked for after the generation was created is cached under it")
                .isEqualTo(2);
    }

    @Test
    void aComparisonIsCachedUnderTheGenerationsOfBothBaskets() {
        redis("SET", "capflow:basket:{generations}:team-google:generation", "1");
        redis("SET", "capflow:basket:{generations}:team-openai:generation", "1");
        CompareResponse.Builder answer =
                CompareResponse.newBuilder().setBasketIdA("team-google").setBasketIdB("team-openai");
        fake.script(
                BasketServiceGrpc.getCompareMethod(),
                Answer.reply(answer.clone()
                        .addSeries(
                                ComparePoint.newBuilder().setDate("2025-10-30").setSpread(0.1))
                        .build()),
                Answer.reply(answer.clone()
                        .addSeries(
                                ComparePoint.newBuilder().setDate("2025-10-30").setSpread(0.2))
                        .build()));

        for (int i = 0; i < 2; i++) {
            given().queryParam("a", "team-google")
                    .queryParam("b", "team-openai")
                    .when()
                    .get("/api/v1/compare")
                    .then()
                    .statusCode(200)
                    .body("series[0].spread", equalTo(0.1f));
        }
        redis("INCR", "capflow:basket:{generations}:team-openai:generation");
        given().queryParam("a", "team-google")
                .queryParam("b", "team-openai")
                .when()
                .get("/api/v1/compare")
                .then()
                .statusCode(200)
                .body("series[0].spread", equalTo(0.2f));
        assertThat(fake.requests(BasketServiceGrpc.getCompareMethod())).hasSize(2);
    }

    @Test
    void aCachedAnswerThatRedisSendsAfterTheTimeoutIsStillServedAheadOfASlowerRecomputation() {
        redis("SET", "capflow:basket:{generations}:team-google:generation", "7");
        fake.script(
                BasketServiceGrpc.getGetPerformanceMethod(),
                Answer.reply(performance(101)),
                Answer.reply(performance(102)).after(Duration.ofSeconds(20)));
        get(PERFORMANCE).then().statusCode(200).body("series[0].level", equalTo(101.0f));

        // every Redis round trip now takes at least 300 ms, past the lookup timeout (200 ms), well within
        // basket-service's test deadline (10 s)
        RedisProxyResource.proxy().delay(Duration.ofMillis(150));
        // not the recomputation (102 after 20 s, past the deadline: 504), nor the last good answer marked stale
        get(PERFORMANCE)
                .then()
                .statusCode(200)
                .body("series[0].level", equalTo(101.0f))
                .header(CachedAnswerResponses.STALE_HEADER, nullValue());
        assertThat(performanceCalls())
                .as("basket-service was asked meanwhile, and its call given up")
                .isEqualTo(2);
    }

    @Test
    void withRedisDownAnswersComeFromBasketServiceAndCachingResumesWhenItReturns() {
        redis("SET", "capflow:basket:{generations}:team-google:generation", "5");
        fake.script(
                BasketServiceGrpc.getGetPerformanceMethod(),
                Answer.reply(performance(101)),
                Answer.reply(performance(101)),
                Answer.reply(performance(101)));
        get(PERFORMANCE).then().statusCode(200);
        assertThat(performanceCalls()).isEqualTo(1);

        RedisProxyResource.proxy().cut();
        get(PERFORMANCE).then().statusCode(200).body("series[0].level", equalTo(101.0f));
        assertThat(performanceCalls()).as("Redis down: asked basket-service").isEqualTo(2);

        RedisProxyResource.proxy().restore();
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    int before = performanceCalls();
                    get(PERFORMANCE).then().statusCode(200).body("series[0].level", equalTo(101.0f));
                    return performanceCalls() == before;
                });
    }

    @Test
    void whileBasketServiceIsUnavailableOrItsBreakerIsOpenTheLastGoodAnswerIsServedMarkedStale() {
        fake.script(BasketServiceGrpc.getGetPerformanceMethod(), Answer.reply(performance(101)));
        get(PERFORMANCE).then().statusCode(200);
        redis("INCR", GENERATION); // the answer cached fresh is no longer current; the last good one stays

        fake.script(
                BasketServiceGrpc.getGetPerformanceMethod(),
                Answer.fail(Status.UNAVAILABLE),
                Answer.fail(Status.UNAVAILABLE),
                Answer.fail(Status.UNAVAILABLE));
        get(PERFORMANCE)
                .then()
                .statusCode(200)
                .header(CachedAnswerResponses.STALE_HEADER, equalTo("true"))
                .header("Warning", equalTo("110 - \"Response is Stale\""))
                .body("series[0].level", equalTo(101.0f));
        assertThat(performanceCalls()).as("one call, then two retries").isEqualTo(4);

        // three failures of four calls opened the breaker: the last good answer, without asking basket-service
        get(PERFORMANCE)
                .then()
                .statusCode(200)
                .header(CachedAnswerResponses.STALE_HEADER, equalTo("true"))
                .body("series[0].level", equalTo(101.0f));
        // a question never answered before has no last good answer
        given().queryParam("to", "2025-10-31")
                .when()
                .get(PERFORMANCE)
                .then()
                .statusCode(503)
                .contentType("application/problem+json");
        assertThat(performanceCalls()).isEqualTo(4);

        // an answer about the request itself is never hidden behind a stale copy
        breakers.resetAll();
        fake.script(BasketServiceGrpc.getGetPerformanceMethod(), Answer.fail(Status.INVALID_ARGUMENT));
        get(PERFORMANCE).then().statusCode(400).header(CachedAnswerResponses.STALE_HEADER, nullValue());
    }

    /** The key of the one fresh entry the gateway stored. */
    private static String freshEntryKey() {
        Matcher key =
                Pattern.compile("capflow:gateway:answer:[^\\r]+").matcher(redis("KEYS", "capflow:gateway:answer:*"));
        assertThat(key.find()).as("one fresh entry stored").isTrue();
        return key.group();
    }

    @Test
    void theReplicasCopyOfAnAnswerIsServedOnlyWhileItsGenerationIsCurrent() {
        redis("SET", "capflow:basket:{generations}:team-google:generation", "61");
        fake.script(
                BasketServiceGrpc.getGetPerformanceMethod(),
                Answer.reply(performance(101)),
                Answer.reply(performance(102)));
        get(PERFORMANCE).then().statusCode(200).body("series[0].level", equalTo(101.0f));
        // the entry in Redis is not read while the copy's tag is current: only the generation is
        redis("SET", freshEntryKey(), "61\n{\"series\":[{\"level\":999.0}]}");
        get(PERFORMANCE).then().statusCode(200).body("series[0].level", equalTo(101.0f));

        redis("INCR", "capflow:basket:{generations}:team-google:generation");
        get(PERFORMANCE).then().statusCode(200).body("series[0].level", equalTo(102.0f));
        assertThat(performanceCalls()).isEqualTo(2);
    }

    @Test
    void aCopyWhoseGenerationMovedGivesWayToAFresherEntryAnotherReplicaStored() {
        redis("SET", "capflow:basket:{generations}:team-google:generation", "71");
        fake.script(BasketServiceGrpc.getGetPerformanceMethod(), Answer.reply(performance(101)));
        get(PERFORMANCE).then().statusCode(200).body("series[0].level", equalTo(101.0f));

        // the generation moves, and another replica has already stored the answer under the new one
        redis("INCR", "capflow:basket:{generations}:team-google:generation");
        redis("SET", freshEntryKey(), "72\n{\"series\":[{\"level\":555.0}]}");
        get(PERFORMANCE).then().statusCode(200).body("series[0].level", equalTo(555.0f));
        get(PERFORMANCE).then().statusCode(200).body("series[0].level", equalTo(555.0f));
        assertThat(performanceCalls())
                .as("never asked again: the entry was fresh")
                .isEqualTo(1);
    }
}
