package dev.capflow.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import dev.capflow.gateway.client.BasketClient;
import dev.capflow.gateway.fake.Answer;
import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.proto.basket.v1.Basket;
import dev.capflow.proto.basket.v1.BasketMember;
import dev.capflow.proto.basket.v1.BasketServiceGrpc;
import dev.capflow.proto.basket.v1.ComparePoint;
import dev.capflow.proto.basket.v1.CompareRequest;
import dev.capflow.proto.basket.v1.CompareResponse;
import dev.capflow.proto.basket.v1.Contribution;
import dev.capflow.proto.basket.v1.CreateBasketResponse;
import dev.capflow.proto.basket.v1.DeleteBasketRequest;
import dev.capflow.proto.basket.v1.DeleteBasketResponse;
import dev.capflow.proto.basket.v1.GetBasketResponse;
import dev.capflow.proto.basket.v1.GetPerformanceRequest;
import dev.capflow.proto.basket.v1.GetPerformanceResponse;
import dev.capflow.proto.basket.v1.LevelPoint;
import dev.capflow.proto.basket.v1.ListBasketsResponse;
import dev.capflow.proto.basket.v1.Metrics;
import dev.capflow.proto.basket.v1.Rebalance;
import dev.capflow.proto.basket.v1.ReturnType;
import dev.capflow.proto.basket.v1.UndefinedMetric;
import dev.capflow.proto.basket.v1.UpdateBasketResponse;
import dev.capflow.proto.basket.v1.Weighting;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.ListInstrumentsResponse;
import io.grpc.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FakeIngestServer.class)
class BasketRoutesTest extends GatewayTest {

    private static final Basket GOOGLE = Basket.newBuilder()
            .setId("team-google")
            .setName("Team Google")
            .setCurrency("USD")
            .setBaseDate("2025-10-29")
            .setBaseValue(100)
            .setWeighting(Weighting.WEIGHTING_EQUAL)
            .setRebalance(Rebalance.REBALANCE_NONE)
            .addMembers(BasketMember.newBuilder().setSymbol("GOOGL").setWeight(0.5))
            .addMembers(BasketMember.newBuilder().setSymbol("AVGO").setWeight(0.5))
            .setVersion(2)
            .build();
    private static final String CUSTOM_BODY = """
            {"name": "Team Google", "currency": "USD", "baseDate": "2025-10-29", "baseValue": 1000,
             "weighting": "custom", "rebalance": "MONTHLY",
             "members": [{"symbol": "GOOGL", "weight": 0.6}, {"symbol": "AVGO", "weight": 0.4}], "version": 2}""";

    @Test
    void listAndGetMapEveryField() {
        fake.script(
                BasketServiceGrpc.getListBasketsMethod(),
                Answer.reply(ListBasketsResponse.newBuilder().addBaskets(GOOGLE).build()));
        fake.script(
                BasketServiceGrpc.getGetBasketMethod(),
                Answer.reply(GetBasketResponse.newBuilder().setBasket(GOOGLE).build()));

        given().when()
                .get("/api/v1/baskets")
                .then()
                .statusCode(200)
                .body("id", contains("team-google"))
                .body("[0].name", equalTo("Team Google"))
                .body("[0].currency", equalTo("USD"))
                .body("[0].baseDate", equalTo("2025-10-29"))
                .body("[0].baseValue", equalTo(100.0f))
                .body("[0].weighting", equalTo("EQUAL"))
                .body("[0].rebalance", equalTo("NONE"))
                .body("[0].members.symbol", contains("GOOGL", "AVGO"))
                .body("[0].members.weight", contains(0.5f, 0.5f))
                .body("[0].version", equalTo(2));
        given().when()
                .get("/api/v1/baskets/team-google")
                .then()
                .statusCode(200)
                .body("id", equalTo("team-google"))
                .body("version", equalTo(2));

        assertThat(fake.requests(BasketServiceGrpc.getGetBasketMethod()).get(0).getBasketId())
                .isEqualTo("team-google");
    }

    @Test
    void postSendsTheDefinitionAndAnswers201WithLocation() {
        fake.script(
                BasketServiceGrpc.getCreateBasketMethod(),
                Answer.reply(CreateBasketResponse.newBuilder().setBasket(GOOGLE).build()));

        given().contentType(ContentType.JSON)
                .body("""
                        {"id": "team-google", "name": "Team Google", "currency": "USD", "baseDate": "2025-10-29",
                         "members": [{"symbol": "GOOGL"}, {"symbol": "AVGO"}]}""")
                .when()
                .post("/api/v1/baskets")
                .then()
                .statusCode(201)
                .header(
                        "Location",
                        equalTo("http://localhost:" + io.restassured.RestAssured.port + "/api/v1/baskets/team-google"))
                .body("id", equalTo("team-google"));

        Basket sent =
                fake.requests(BasketServiceGrpc.getCreateBasketMethod()).get(0).getBasket();
        assertThat(sent)
                .as("EQUAL by default, NONE by default, no weights")
                .isEqualTo(Basket.newBuilder()
                        .setId("team-google")
                        .setName("Team Google")
                        .setCurrency("USD")
                        .setBaseDate("2025-10-29")
                        .setWeighting(Weighting.WEIGHTING_EQUAL)
                        .setRebalance(Rebalance.REBALANCE_NONE)
                        .addMembers(BasketMember.newBuilder().setSymbol("GOOGL"))
                        .addMembers(BasketMember.newBuilder().setSymbol("AVGO"))
                        .build());
    }

    @Test
    void theIdempotencyKeyHeaderIsRelayedAsRequestIdAndAMalformedOneIs400NamingIt() {
        fake.script(
                BasketServiceGrpc.getCreateBasketMethod(),
                Answer.reply(CreateBasketResponse.newBuilder().setBasket(GOOGLE).build()),
                Answer.fail(Status.ALREADY_EXISTS.withDescription(
                        "request_id k-1 was already used for a different request")));
        String body = """
                {"name": "Team Google", "currency": "USD", "baseDate": "2025-10-29", "members": [{"symbol": "GOOGL"}]}""";

        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "k-1")
                .body(body)
                .when()
                .post("/api/v1/baskets")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "k-1")
                .body(body)
                .when()
                .post("/api/v1/baskets")
                .then()
                .statusCode(409)
                .body("detail", containsString("Idempotency-Key k-1 was already used for a different request"));
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "has space")
                .body(body)
                .when()
                .post("/api/v1/baskets")
                .then()
                .statusCode(400)
                .body("violations.field", contains("Idempotency-Key"));
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/baskets");

        assertThat(fake.requests(BasketServiceGrpc.getCreateBasketMethod()))
                .extracting(request -> request.getRequestId())
                .containsExactly("k-1", "k-1", "");
    }

    @Test
    void theListIsPagedWithPageSizeAndPageTokenAndTheNextTokenIsAHeader() {
        fake.script(
                BasketServiceGrpc.getListBasketsMethod(),
                Answer.reply(ListBasketsResponse.newBuilder()
                        .addBaskets(GOOGLE)
                        .setNextPageToken("next-1")
                        .build()),
                Answer.reply(ListBasketsResponse.newBuilder().addBaskets(GOOGLE).build()),
                Answer.invalidField("page_token", "belongs to another query"));

        given().queryParam("pageSize", 1)
                .when()
                .get("/api/v1/baskets")
                .then()
                .statusCode(200)
                .header(Paging.NEXT_HEADER, "next-1")
                .body("id", contains("team-google"));
        given().queryParam("pageSize", 1)
                .queryParam("pageToken", "next-1")
                .when()
                .get("/api/v1/baskets")
                .then()
                .statusCode(200)
                .header(Paging.NEXT_HEADER, nullValue())
                .body("id", contains("team-google"));
        given().queryParam("pageToken", "forged")
                .when()
                .get("/api/v1/baskets")
                .then()
                .statusCode(400)
                .body("violations.field", contains("pageToken"));
        given().queryParam("pageSize", -1)
                .when()
                .get("/api/v1/baskets")
                .then()
                .statusCode(400)
                .body("violations.field", contains("pageSize"));

        assertThat(fake.requests(BasketServiceGrpc.getListBasketsMethod()))
                .extracting(request -> request.getPageSize() + "/" + request.getPageToken())
                .containsExactly("1/", "1/next-1", "0/forged");
    }

    @Test
    void putSendsTheFullDefinitionWithItsVersion() {
        fake.script(
                BasketServiceGrpc.getUpdateBasketMethod(),
                Answer.reply(UpdateBasketResponse.newBuilder()
                        .setBasket(GOOGLE.toBuilder().setVersion(3))
                        .build()));

        given().contentType(ContentType.JSON)
                .body(CUSTOM_BODY)
                .when()
                .put("/api/v1/baskets/team-google")
                .then()
                .statusCode(200)
                .body("version", equalTo(3));

        Basket sent =
                fake.requests(BasketServiceGrpc.getUpdateBasketMethod()).get(0).getBasket();
        assertThat(sent.getId()).isEqualTo("team-google");
        assertThat(sent.getVersion()).isEqualTo(2);
        assertThat(sent.getBaseValue()).isEqualTo(1000.0);
        assertThat(sent.getWeighting()).isEqualTo(Weighting.WEIGHTING_CUSTOM);
        assertThat(sent.getRebalance()).isEqualTo(Rebalance.REBALANCE_MONTHLY);
        assertThat(sent.getMembersList()).extracting(BasketMember::getWeight).containsExactly(0.6, 0.4);
    }

    @Test
    void badBodiesNameEveryFieldWithoutCallingTheService() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"id": "other", "currency": "USD", "baseDate": "29/10/2025", "weighting": "CUSTOM",
                         "rebalance": "DAILY", "members": [{"symbol": "GOOGL"}, {"weight": 0.5}]}""")
                .when()
                .put("/api/v1/baskets/team-google")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "violations.field",
                        contains(
                                "id",
                                "name",
                                "baseDate",
                                "rebalance",
                                "members[0].weight",
                                "members[1].symbol",
                                "version"));

        assertThat(fake.requests(BasketServiceGrpc.getUpdateBasketMethod())).isEmpty();
    }

    @Test
    void deletePassesTheVersionAndAnswers204() {
        fake.script(
                BasketServiceGrpc.getDeleteBasketMethod(),
                Answer.reply(DeleteBasketResponse.getDefaultInstance()),
                Answer.reply(DeleteBasketResponse.getDefaultInstance()),
                Answer.reply(DeleteBasketResponse.getDefaultInstance()));

        given().queryParam("version", 4)
                .when()
                .delete("/api/v1/baskets/team-google")
                .then()
                .statusCode(204);
        given().queryParam("version", 0)
                .when()
                .delete("/api/v1/baskets/team-google")
                .then()
                .statusCode(204);
        given().when().delete("/api/v1/baskets/team-google").then().statusCode(204);

        assertThat(fake.requests(BasketServiceGrpc.getDeleteBasketMethod()))
                .as("0 is a version; absent is no check")
                .containsExactly(
                        DeleteBasketRequest.newBuilder()
                                .setBasketId("team-google")
                                .setExpectedVersion(4)
                                .build(),
                        DeleteBasketRequest.newBuilder()
                                .setBasketId("team-google")
                                .setExpectedVersion(0)
                                .build(),
                        DeleteBasketRequest.newBuilder()
                                .setBasketId("team-google")
                                .build());
    }

    @Test
    void serviceAnswersMapTo404400And409() {
        fake.script(
                BasketServiceGrpc.getGetBasketMethod(),
                Answer.fail(Status.NOT_FOUND.withDescription("no basket team-x")));
        fake.script(
                BasketServiceGrpc.getCreateBasketMethod(),
                Answer.invalidField("basket.members[2].symbol", "unknown instrument XYZ"),
                Answer.fail(Status.ALREADY_EXISTS.withDescription("basket team-google exists")));
        fake.script(
                BasketServiceGrpc.getDeleteBasketMethod(),
                Answer.staleVersion("capflow.basket.v1.Basket", "team-google", 5, 4));
        String body = """
                {"name": "x", "currency": "USD", "baseDate": "2025-10-29", "members": [{"symbol": "GOOGL"}]}""";

        given().when()
                .get("/api/v1/baskets/team-x")
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:capflow:problem:not-found"))
                .body("detail", equalTo("no basket team-x"));
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/baskets")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("members[2].symbol"))
                .body("violations[0].reason", equalTo("unknown instrument XYZ"));
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/baskets")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:capflow:problem:conflict"));
        given().queryParam("version", 4)
                .when()
                .delete("/api/v1/baskets/team-google")
                .then()
                .statusCode(409)
                .body("detail", equalTo("basket team-google is at version 5, not 4; re-read and retry"))
                .body("violations.field", contains("version"))
                .body("violations[0].reason", equalTo("is 4, but the stored version is 5: re-read and retry"));
    }

    @Test
    void performanceMapsTheQueryAndTheAnswerWithUndefinedMetricsAsNull() {
        fake.script(
                BasketServiceGrpc.getGetPerformanceMethod(),
                Answer.reply(GetPerformanceResponse.newBuilder()
                        .setBasketId("team-google")
                        .setFrom("2025-10-29")
                        .setTo("2025-10-30")
                        .setReturnType(ReturnType.RETURN_TYPE_TOTAL)
                        .setBasketVersion(2)
                        .setCurrency("USD")
                        .addSeries(LevelPoint.newBuilder().setDate("2025-10-29").setLevel(100))
                        .addSeries(LevelPoint.newBuilder().setDate("2025-10-30").setLevel(102.5))
                        .setMetrics(Metrics.newBuilder()
                                .setTotalReturn(0.025)
                                .setMaxDrawdown(0)
                                .addAllUndefined(Stream.of(
                                                "annualized_return",
                                                "annualized_volatility",
                                                "sharpe",
                                                "beta",
                                                "correlation")
                                        .map(field -> UndefinedMetric.newBuilder()
                                                .setField(field)
                                                .setReason("one daily return")
                                                .build())
                                        .toList()))
                        .addContributions(Contribution.newBuilder()
                                .setSymbol("GOOGL")
                                .setWeight(0.5)
                                .setMemberReturn(0.04)
                                .setContribution(0.02)
                                .setEndWeight(0.52))
                        .build()));

        given().queryParam("from", "2025-10-29")
                .queryParam("to", "2025-10-30")
                .queryParam("benchmark", "QQQ")
                .queryParam("returnType", "total")
                .queryParam("riskFreeRate", "0.04")
                .when()
                .get("/api/v1/baskets/team-google/performance")
                .then()
                .statusCode(200)
                .body("basketId", equalTo("team-google"))
                .body("from", equalTo("2025-10-29"))
                .body("to", equalTo("2025-10-30"))
                .body("returnType", equalTo("TOTAL"))
                .body("currency", equalTo("USD"))
                .body("series.date", contains("2025-10-29", "2025-10-30"))
                .body("series.level", contains(100.0f, 102.5f))
                .body("metrics.totalReturn", equalTo(0.025f))
                .body("metrics", hasKey("annualizedReturn"))
                .body("metrics.annualizedReturn", nullValue())
                .body("metrics", hasKey("annualizedVolatility"))
                .body("metrics.annualizedVolatility", nullValue())
                .body("metrics", hasKey("sharpe"))
                .body("metrics.sharpe", nullValue())
                .body("metrics.beta", nullValue())
                .body("metrics.correlation", nullValue())
                .body("metrics.maxDrawdown", equalTo(0.0f))
                .body("metrics", hasKey("maxDrawdownPeak"))
                .body("metrics.maxDrawdownPeak", nullValue())
                .body("metrics.maxDrawdownTrough", nullValue())
                .body("contributions[0].symbol", equalTo("GOOGL"))
                .body("contributions[0].weight", equalTo(0.5f))
                .body("contributions[0].return", equalTo(0.04f))
                .body("contributions[0].contribution", equalTo(0.02f))
                .body("contributions[0].endWeight", equalTo(0.52f));

        assertThat(fake.requests(BasketServiceGrpc.getGetPerformanceMethod()))
                .containsExactly(GetPerformanceRequest.newBuilder()
                        .setBasketId("team-google")
                        .setFrom("2025-10-29")
                        .setTo("2025-10-30")
                        .setBenchmark("QQQ")
                        .setReturnType(ReturnType.RETURN_TYPE_TOTAL)
                        .setRiskFreeRate(0.04)
                        .build());
    }

    @Test
    void badPerformanceParametersAreNamed() {
        given().queryParam("from", "2025-11-01")
                .queryParam("to", "2025-10-01")
                .queryParam("returnType", "GROSS")
                .queryParam("riskFreeRate", "4")
                .when()
                .get("/api/v1/baskets/team-google/performance")
                .then()
                .statusCode(400)
                .body("violations.field", contains("from", "to", "returnType", "riskFreeRate"))
                .body(
                        "violations[3].reason",
                        containsString("annual fraction from -0.05 to 0.25 (0.04 for 4 percent)"));
        for (String notARate : new String[] {"4%", "NaN", "-0.06"}) {
            given().queryParam("riskFreeRate", notARate)
                    .when()
                    .get("/api/v1/baskets/team-google/performance")
                    .then()
                    .statusCode(400)
                    .body("violations.field", contains("riskFreeRate"));
        }

        assertThat(fake.requests(BasketServiceGrpc.getGetPerformanceMethod())).isEmpty();
    }

    @Test
    void compareMapsBothSeriesSpreadAndRatio() {
        fake.script(
                BasketServiceGrpc.getCompareMethod(),
                Answer.reply(CompareResponse.newBuilder()
                        .setBasketIdA("team-google")
                        .setBasketIdB("team-openai")
                        .setCurrencyA("USD")
                        .setCurrencyB("JPY")
                        .setFrom("2025-10-29")
                        .setTo("2025-10-30")
                        .addSeries(ComparePoint.newBuilder()
                                .setDate("2025-10-30")
                                .setLevelA(110)
                                .setLevelB(100)
                                .setSpread(0.1)
                                .setRatio(1.1))
                        .build()));

        given().queryParam("a", "team-google")
                .queryParam("b", "team-openai")
                .queryParam("to", "2025-10-30")
                .when()
                .get("/api/v1/compare")
                .then()
                .statusCode(200)
                .body("a", equalTo("team-google"))
                .body("b", equalTo("team-openai"))
                .body("returnType", equalTo("PRICE"))
                .body("currencyA", equalTo("USD"))
                .body("currencyB", equalTo("JPY"))
                .body("series[0].date", equalTo("2025-10-30"))
                .body("series[0].levelA", equalTo(110.0f))
                .body("series[0].levelB", equalTo(100.0f))
                .body("series[0].spread", equalTo(0.1f))
                .body("series[0].ratio", equalTo(1.1f));

        assertThat(fake.requests(BasketServiceGrpc.getCompareMethod()))
                .containsExactly(CompareRequest.newBuilder()
                        .setBasketIdA("team-google")
                        .setBasketIdB("team-openai")
                        .setTo("2025-10-30")
                        .setReturnType(ReturnType.RETURN_TYPE_PRICE)
                        .build());
    }

    @Test
    void compareWithoutBasketsNamesBoth() {
        given().when().get("/api/v1/compare").then().statusCode(400).body("violations.field", contains("a", "b"));
    }

    @Test
    void readsAreRetriedOnUnavailableButWritesNever() {
        fake.script(
                BasketServiceGrpc.getGetPerformanceMethod(),
                Answer.fail(Status.UNAVAILABLE),
                Answer.reply(GetPerformanceResponse.newBuilder()
                        .setBasketId("team-google")
                        .build()));
        fake.script(
                BasketServiceGrpc.getUpdateBasketMethod(),
                Answer.fail(Status.UNAVAILABLE),
                Answer.reply(UpdateBasketResponse.newBuilder().setBasket(GOOGLE).build()));

        given().when()
                .get("/api/v1/baskets/team-google/performance")
                .then()
                .statusCode(200)
                .body("basketId", equalTo("team-google"));
        given().contentType(ContentType.JSON)
                .body(CUSTOM_BODY)
                .when()
                .put("/api/v1/baskets/team-google")
                .then()
                .statusCode(503)
                .contentType("application/problem+json");

        assertThat(fake.requests(BasketServiceGrpc.getGetPerformanceMethod())).hasSize(2);
        assertThat(fake.requests(BasketServiceGrpc.getUpdateBasketMethod())).hasSize(1);
    }

    @Test
    void basketFailuresOpenTheBasketBreakerAndLeaveIngestCallsAlone() {
        // %test window is 4 calls at a 0.5 failure ratio: 2 successes and 2 UNAVAILABLE open it.
        fake.script(
                BasketServiceGrpc.getDeleteBasketMethod(),
                Answer.reply(DeleteBasketResponse.getDefaultInstance()),
                Answer.reply(DeleteBasketResponse.getDefaultInstance()),
                Answer.fail(Status.UNAVAILABLE),
                Answer.fail(Status.UNAVAILABLE));
        for (int expected : new int[] {204, 204, 503, 503}) {
            given().when().delete("/api/v1/baskets/team-google").then().statusCode(expected);
        }

        assertThat(breakers.currentState(BasketClient.BREAKER)).isEqualTo(CircuitBreakerState.OPEN);
        given().when()
                .get("/api/v1/baskets")
                .then()
                .statusCode(503)
                .body("type", equalTo("urn:capflow:problem:upstream-unavailable"));
        assertThat(fake.requests(BasketServiceGrpc.getListBasketsMethod()))
                .as("the open breaker stopped the call")
                .isEmpty();
        fake.script(
                IngestServiceGrpc.getListInstrumentsMethod(),
                Answer.reply(ListInstrumentsResponse.getDefaultInstance()));
        given().when().get("/api/v1/instruments").then().statusCode(200);
    }
}
