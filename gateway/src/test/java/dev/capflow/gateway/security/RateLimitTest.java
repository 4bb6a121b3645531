package dev.capflow.gateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.testsupport.PostgresRedisResource;
import dev.capflow.testsupport.RedisProxyResource;
import dev.capflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Token buckets on a real Redis (capacity 3 reads / 2 writes, a token every 20 s, so a test never sees one come
 * back): a burst gets 429 with Retry-After, callers and kinds have their own buckets, the state is in Redis, and with
 * Redis cut the local buckets still limit. Each test uses callers of its own, so tests share no bucket.
 */
@QuarkusTest
@TestProfile(RateLimitProfile.class)
@WithTestResource(FakeIngestServer.class)
class RateLimitTest {

    private static final TestTokens TOKENS = TestTokens.shared();
    /** A read the route answers 400 without any downstream call: fast, and never charged twice. */
    private static final String READ = "/api/v1/prices/latest";

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

    /** Whether the bucket of {@code caller}'s reads is in Redis (the raw reply is "+OK" to SELECT, then ":n"). */
    private static boolean readBucketInRedis(String caller) {
        return redis("EXISTS", "capflow:gateway:rate:read:" + caller).strip().endsWith(":1");
    }

    private static String caller() {
        return "user-" + UUID.randomUUID();
    }

    private static Response read(String subject) {
        return given().header("Authorization", "Bearer " + TOKENS.token(subject, Duration.ofHours(1), "admin"))
                .when()
                .get(READ);
    }

    private static Response write(String subject) {
        return given().header("Authorization", "Bearer " + TOKENS.token(subject, Duration.ofHours(1), "admin"))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/prices/bars");
    }

    /** 429 with the wait for one token in whole seconds: at most 20 s at a token every 20 s. */
    private static void assertLimited(Response response) {
        response.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:capflow:problem:rate-limited"));
        assertThat(Integer.parseInt(response.header("Retry-After"))).isBetween(1, 20);
    }

    @Test
    void aBurstPastTheCapacityGets429WithRetryAfter() {
        String alice = caller();
        for (int i = 0; i < 3; i++) {
            read(alice).then().statusCode(400);
        }
        assertLimited(read(alice));
        assertThat(readBucketInRedis("user:" + alice)).isTrue();
    }

    @Test
    void openingALiveStreamCostsAReadFromTheSameBucket() {
        String alice = caller();
        String token = "Bearer " + TOKENS.token(alice, Duration.ofHours(1), "admin");
        read(alice).then().statusCode(400);
        for (int i = 0; i < 2; i++) {
            // a malformed question is charged like a malformed GET
            given().header("Authorization", token)
                    .when()
                    .get("/api/v1/stream/prices?symbols=")
                    .then()
                    .statusCode(400);
        }
        assertLimited(given().header("Authorization", token).when().get("/api/v1/stream/prices?symbols=NVDA"));
        assertLimited(read(alice));
    }

    @Test
    void callersAndKindsOfRequestHaveTheirOwnBuckets() {
        String alice = caller();
        String bob = caller();
        for (int i = 0; i < 3; i++) {
            read(alice).then().statusCode(400);
        }
        assertLimited(read(alice));

        read(bob).then().statusCode(400);
        write(alice).then().statusCode(400);
        write(alice).then().statusCode(400);
        assertLimited(write(alice));
        read(bob).then().statusCode(400);
    }

    @Test
    void anonymousCallersAreCountedByAddress() {
        for (int i = 0; i < 3; i++) {
            given().when().get(READ).then().statusCode(400);
        }
        assertLimited(given().when().get(READ));
        assertThat(redis("KEYS", "capflow:gateway:rate:read:ip:*")).contains("capflow:gateway:rate:read:ip:");
    }

    @Test
    void theBucketIsTheOneInRedisSharedByEveryReplica() {
        String alice = caller();
        read(alice).then().statusCode(400);
        // another replica took the last tokens
        redis("HSET", "capflow:gateway:rate:read:user:" + alice, "tokens", "0");
        assertLimited(read(alice));
    }

    @Test
    void withRedisCutTheLocalBucketStillLimitsAndRedisIsUsedAgainOnceItAnswers() {
        RedisProxyResource.proxy().cut();
        String alice = caller();
        for (int i = 0; i < 3; i++) {
            read(alice).then().statusCode(400);
        }
        assertLimited(read(alice));

        assertThat(readBucketInRedis("user:" + alice))
                .as("counted locally only")
                .isFalse();

        RedisProxyResource.proxy().restore();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String bob = caller();
            read(bob).then().statusCode(400);
            assertThat(readBucketInRedis("user:" + bob)).isTrue();
        });
    }

    @Test
    void healthAndOpenApiAreNeverLimited() {
        for (int i = 0; i < 10; i++) {
            given().when().get("/q/health/live").then().statusCode(200);
            given().when().get("/q/openapi").then().statusCode(200);
        }
    }
}
