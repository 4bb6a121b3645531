package dev.capflow.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.capflow.gateway.fake.Answer;
import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.gateway.fake.FakeIngestService;
import dev.capflow.gateway.fake.InjectFakeIngest;
import dev.capflow.proto.basket.v1.BasketServiceGrpc;
import dev.capflow.proto.basket.v1.GetPerformanceResponse;
import dev.capflow.proto.basket.v1.LevelPoint;
import dev.capflow.redis.AnswerGenerationKeys;
import dev.capflow.testsupport.PostgresRedisResource;
import dev.capflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cached answer sent without RESTEasy's dispatch ({@link CachedHitRoute}) is still refused when the REST route would
 * refuse the request: no or a bad token, a token without the role, an empty read bucket, a parameter the route does
 * not know or cannot read. Each test asks a question of its own (its own basket id) and uses callers of its own.
 */
@QuarkusTest
@TestProfile(CachedHitProfile.class)
@WithTestResource(FakeIngestServer.class)
class CachedHitRouteTest {

    private static final TestTokens TOKENS = TestTokens.shared();

    @InjectFakeIngest
    FakeIngestService fake;

    private String basket;
    /** The answer as the REST route sent it, before it was cached. */
    private Response answered;

    @BeforeEach
    void cacheOneAnswer() {
        fake.reset();
        basket = "hit-" + UUID.randomUUID().toString().substring(0, 8);
        PostgresRedisResource.datastores()
                .redisCommand("SET", AnswerGenerationKeys.generation("capflow:basket:", basket), "7");
        fake.script(
                BasketServiceGrpc.getGetPerformanceMethod(),
                Answer.reply(GetPerformanceResponse.newBuilder()
                        .setBasketId(basket)
                        .setFrom("2025-10-29")
                        .setTo("2025-10-30")
                        .addSeries(LevelPoint.newBuilder().setDate("2025-10-30").setLevel(101))
                        .build()));
        answered = performance(as(caller(), "viewer"), "to=2025-10-30");
        answered.then().statusCode(200).contentType("application/json").body("series[0].level", equalTo(101.0f));
        assertThat(performanceCalls()).as("the answer is now cached").isEqualTo(1);
    }

    private int performanceCalls() {
        return fake.requests(BasketServiceGrpc.getGetPerformanceMethod()).size();
    }

    private static String caller() {
        return "caller-" + UUID.randomUUID();
    }

    private static RequestSpecification as(String subject, String... roles) {
        return given().header("Authorization", "Bearer " + TOKENS.token(subject, Duration.ofHours(1), roles));
    }

    private Response performance(RequestSpecification request, String query) {
        return request.when().get("/api/v1/baskets/" + basket + "/performance?" + query);
    }

    @Test
    void aCachedAnswerIsSentAsTheRouteSentItAndChargedOnceToTheCallersBucket() {
        String viewer = caller();
        for (int i = 0; i < 3; i++) {
            Response hit = performance(as(viewer, "viewer"), "to=2025-10-30");
            hit.then().statusCode(200);
            assertThat(hit.asByteArray()).isEqualTo(answered.asByteArray());
            assertThat(hit.contentType()).isEqualTo(answered.contentType());
            assertThat(hit.header("Content-Length")).isEqualTo(answered.header("Content-Length"));
        }
        Response limited = performance(as(viewer, "viewer"), "to=2025-10-30");
        limited.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:capflow:problem:rate-limited"));
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 20);
        assertThat(performanceCalls()).as("every answer came from the cache").isEqualTo(1);
    }

    @Test
    void aRequestTargetWhoseQuestionIsRememberedStillNeedsAnAcceptThatTakesJson() {
        String viewer = caller();
        performance(as(viewer, "viewer"), "to=2025-10-30").then().statusCode(200); // the route remembers the target
        performance(as(viewer, "viewer").accept("text/csv"), "to=2025-10-30")
                .then()
                .statusCode(406)
                .contentType("application/problem+json");
        assertThat(performanceCalls()).isEqualTo(1);
    }

    @Test
    void aCachedAnswerNeedsAValidTokenWithTheViewerRole() {
        performance(given(), "to=2025-10-30")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        performance(given().header("Authorization", "Bearer not-a-token"), "to=2025-10-30")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        performance(
                        given().header(
                                        "Authorization",
                                        "Bearer " + TOKENS.tokenFromIssuer("someone-else", caller(), "viewer")),
                        "to=2025-10-30")
                .then()
                .statusCode(401);
        performance(as(caller()), "to=2025-10-30").then().statusCode(403).contentType("application/problem+json");
        assertThat(performanceCalls()).isEqualTo(1);
    }

    @Test
    void aRequestTheRouteRefusesIsRefusedThoughItsQuestionIsCached() {
        performance(as(caller(), "viewer"), "to=2025-10-30&form=2025-10-01")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("form"));
        performance(as(caller(), "viewer"), "to=2025-10-30&returnType=NET")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("returnType"));
        performance(as(caller(), "viewer"), "to=2025-13-30")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("to"));
        assertThat(performanceCalls()).isEqualTo(1);
    }
}
