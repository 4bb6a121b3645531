package dev.capflow.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.capflow.gateway.fake.Answer;
import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.gateway.fake.FakeIngestService;
import dev.capflow.gateway.fake.InjectFakeIngest;
import dev.capflow.proto.basket.v1.BasketServiceGrpc;
import dev.capflow.proto.basket.v1.ComparePoint;
import dev.capflow.proto.basket.v1.CompareResponse;
import dev.capflow.proto.basket.v1.GetPerformanceResponse;
import dev.capflow.proto.basket.v1.LevelPoint;
import dev.capflow.testsupport.TestTokens;
import io.grpc.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With the answer cache off, a basket answer asked in the plainest form is asked of basket-service by
 * {@link BasketAnswerRoute}, ahead of RESTEasy: the same bytes as the REST route's, the caller's token relayed, the
 * call's deadline set, one charge to the caller's bucket; a failure is answered by the REST route's problem mapping
 * without asking or charging again. Each test uses callers of its own.
 */
@QuarkusTest
@TestProfile(UncachedAnswerProfile.class)
@WithTestResource(FakeIngestServer.class)
class UncachedAnswerRouteTest {

    private static final TestTokens TOKENS = TestTokens.shared();
    /** An Accept that the route leaves to the REST route. */
    private static final String REST_ACCEPT = "application/json;q=0.9";

    private static final String PERFORMANCE = "/api/v1/baskets/team-google/performance?from=2025-10-29&to=2025-10-30";
    private static final String COMPARE = "/api/v1/compare?a=team-google&b=team-openai&to=2025-10-30";

    @InjectFakeIngest
    FakeIngestService fake;

    @BeforeEach
    void reset() {
        fake.reset();
        FakeIngestServer.seen().clear();
    }

    private static String viewerToken() {
        return TOKENS.token("caller-" + UUID.randomUUID(), Duration.ofHours(1), "viewer");
    }

    private static Response get(String token, String accept, String path) {
        var request = given().header("Authorization", "Bearer " + token);
        return (accept == null ? request : request.header("Accept", accept))
                .when()
                .get(path);
    }

    @Test
    void aPerformanceIsTheRestRoutesAnswerAskedWithTheCallersTokenAndADeadline() {
        GetPerformanceResponse answer = GetPerformanceResponse.newBuilder()
                .setBasketId("team-google")
                .setFrom("2025-10-29")
                .setTo("2025-10-30")
                .addSeries(LevelPoint.newBuilder().setDate("2025-10-29").setLevel(100))
                .addSeries(LevelPoint.newBuilder().setDate("2025-10-30").setLevel(101.25))
                .build();
        fake.script(BasketServiceGrpc.getGetPerformanceMethod(), Answer.reply(answer), Answer.reply(answer));
        String routed = viewerToken();
        String rest = viewerToken();

        Response fast = get(routed, null, PERFORMANCE);
        Response slow = get(rest, REST_ACCEPT, PERFORMANCE);

        fast.then().statusCode(200).body("series[1].level", equalTo(101.25f));
        slow.then().statusCode(200);
        assertThat(fast.asByteArray()).isEqualTo(slow.asByteArray());
        assertThat(fast.contentType()).isEqualTo(slow.contentType());
        assertThat(fast.header("Content-Length")).isEqualTo(slow.header("Content-Length"));
        assertThat(FakeIngestServer.seen()
                        .of(BasketServiceGrpc.getGetPerformanceMethod().getFullMethodName()))
                .containsExactly(Optional.of("Bearer " + routed), Optional.of("Bearer " + rest));
        assertThat(fake.longestTimeLeft(BasketServiceGrpc.getGetPerformanceMethod()))
                .isLessThanOrEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aComparisonIsTheRestRoutesAnswer() {
        scriptTwoComparisons(101, Double.NaN);

        Response fast = get(viewerToken(), null, COMPARE);
        Response slow = get(viewerToken(), REST_ACCEPT, COMPARE);

        fast.then().statusCode(200).body("series[0].levelB", equalTo(99.0f));
        assertThat(fast.asByteArray()).isEqualTo(slow.asByteArray());
        assertThat(fake.requests(BasketServiceGrpc.getCompareMethod())).hasSize(2);
    }

    @Test
    void aDoubleIsWrittenAsTheShortestTextThatReadsBackAsIt() {
        scriptTwoComparisons(2e23, 1); // Java 17's Double.toString writes 2e23 as 1.9999999999999998E23

        Response fast = get(viewerToken(), null, COMPARE);
        Response slow = get(viewerToken(), REST_ACCEPT, COMPARE);

        assertThat(fast.asString()).contains("{\"date\":\"2025-10-30\",\"levelA\":2.0E23,\"levelB\":99.0,");
        assertThat(slow.asString()).isEqualTo(fast.asString());
    }

    /** basket-service answers the next two comparisons with one point of level A {@code levelA} (level B 99). */
    private void scriptTwoComparisons(double levelA, double ratio) {
        CompareResponse answer = CompareResponse.newBuilder()
                .setBasketIdA("team-google")
                .setBasketIdB("team-openai")
                .setTo("2025-10-30")
                .addSeries(ComparePoint.newBuilder()
                        .setDate("2025-10-30")
                        .setLevelA(levelA)
                        .setLevelB(99)
                        .setSpread(0.02)
                        .setRatio(ratio))
                .build();
        fake.script(BasketServiceGrpc.getCompareMethod(), Answer.reply(answer), Answer.reply(answer));
    }

    @Test
    void aFailedAnswerIsTheRestRoutesProblemAskedAndChargedOnce() {
        for (int i = 0; i < 3; i++) {
            fake.script(
                    BasketServiceGrpc.getGetPerformanceMethod(),
                    Answer.fail(Status.NOT_FOUND.withDescription("no basket team-google")));
        }
        String caller = viewerToken();
        for (int i = 0; i < 3; i++) {
            get(caller, null, PERFORMANCE)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:capflow:problem:not-found"))
                    .body("detail", equalTo("no basket team-google"));
        }
        get(caller, null, PERFORMANCE).then().statusCode(429).contentType("application/problem+json");
        assertThat(fake.requests(BasketServiceGrpc.getGetPerformanceMethod())).hasSize(3);
    }

    @Test
    void aMalformedIdIsRefusedNamingItWithoutAskingBasketService() {
        get(viewerToken(), null, "/api/v1/baskets/Team-Google/performance?to=2025-10-30")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("id"));
        assertThat(fake.requests(BasketServiceGrpc.getGetPerformanceMethod())).isEmpty();
    }
}
