package dev.capflow.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import com.google.protobuf.Timestamp;
import dev.capflow.gateway.fake.Answer;
import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.proto.exposure.v1.AmountChoice;
import dev.capflow.proto.exposure.v1.BasketImpact;
import dev.capflow.proto.exposure.v1.BasketMemberImpact;
import dev.capflow.proto.exposure.v1.CapacityKind;
import dev.capflow.proto.exposure.v1.CircularShare;
import dev.capflow.proto.exposure.v1.ClearingFigures;
import dev.capflow.proto.exposure.v1.Confidence;
import dev.capflow.proto.exposure.v1.CreateEdgeResponse;
import dev.capflow.proto.exposure.v1.CreateEntityResponse;
import dev.capflow.proto.exposure.v1.DebtRankRule;
import dev.capflow.proto.exposure.v1.DeleteEdgeRequest;
import dev.capflow.proto.exposure.v1.DeleteEdgeResponse;
import dev.capflow.proto.exposure.v1.DeleteEntityRequest;
import dev.capflow.proto.exposure.v1.DeleteEntityResponse;
import dev.capflow.proto.exposure.v1.Edge;
import dev.capflow.proto.exposure.v1.EdgeKind;
import dev.capflow.proto.exposure.v1.Entity;
import dev.capflow.proto.exposure.v1.EntityImpact;
import dev.capflow.proto.exposure.v1.EntityKind;
import dev.capflow.proto.exposure.v1.EntityValue;
import dev.capflow.proto.exposure.v1.Exposure;
import dev.capflow.proto.exposure.v1.ExposureServiceGrpc;
import dev.capflow.proto.exposure.v1.GetEdgeRequest;
import dev.capflow.proto.exposure.v1.GetEdgeResponse;
import dev.capflow.proto.exposure.v1.ListEdgeHistoryResponse;
import dev.capflow.proto.exposure.v1.ListEntitiesResponse;
import dev.capflow.proto.exposure.v1.ListLoopsRequest;
import dev.capflow.proto.exposure.v1.ListLoopsResponse;
import dev.capflow.proto.exposure.v1.LookThroughResponse;
import dev.capflow.proto.exposure.v1.Loop;
import dev.capflow.proto.exposure.v1.Quote;
import dev.capflow.proto.exposure.v1.Shock;
import dev.capflow.proto.exposure.v1.StressModel;
import dev.capflow.proto.exposure.v1.StressOptions;
import dev.capflow.proto.exposure.v1.StressRequest;
import dev.capflow.proto.exposure.v1.StressResponse;
import dev.capflow.proto.exposure.v1.UpdateEntityResponse;
import dev.capflow.proto.exposure.v1.ValuationMethod;
import io.grpc.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FakeIngestServer.class)
class ExposureRoutesTest extends GatewayTest {

    private static final Entity SOFTBANK = Entity.newBuilder()
            .setId("softbank")
            .setName("SoftBank Group Corp.")
            .setKind(EntityKind.ENTITY_KIND_LISTED)
            .setTicker("9984.T")
            .addListings("SFTBY")
            .setVersion(3)
            .setValue(EntityValue.newBuilder()
                    .setValueUsd(1.6e11)
                    .setMethod(ValuationMethod.VALUATION_METHOD_MARKET_CAP)
                    .setPrice(quote("9984.T", 4400, "JPY"))
                    .setSharesOutstanding(5_711_848_120L)
                    .setFx(quote("DEXJPUS", 156.7, "JPY")))
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
            .setSourceRow("E14")
            .build();

    @Test
    void aRefusedPageTokenIsNamedAsTheJsonSpellsItInTheDetailAndTheReasonButNotInsideOtherNames() {
        fake.script(
                ExposureServiceGrpc.getListEntitiesMethod(),
                Answer.invalidField(
                        "page_token",
                        "belongs to another query: repeat the request that returned it, changing only page_token;"
                                + " or send the next_page_token of the previous page"));

        given().when()
                .get("/api/v1/exposure/entities?pageToken=abc")
                .then()
                .statusCode(400)
                .body(
                        "detail",
                        equalTo("pageToken belongs to another query: repeat the request that returned it, changing"
                                + " only pageToken; or send the next_page_token of the previous page"))
                .body("violations[0].field", equalTo("pageToken"))
                .body(
                        "violations[0].reason",
                        equalTo("belongs to another query: repeat the request that returned it, changing only"
                                + " pageToken; or send the next_page_token of the previous page"));
    }

    @Test
    void entitiesMapEveryFieldWithTheirValue() {
        fake.script(
                ExposureServiceGrpc.getListEntitiesMethod(),
                Answer.reply(
                        ListEntitiesResponse.newBuilder().addEntities(SOFTBANK).build()));

        given().when()
                .get("/api/v1/exposure/entities")
                .then()
                .statusCode(200)
                .body("id", contains("softbank"))
                .body("[0].kind", equalTo("LISTED"))
                .body("[0].ticker", equalTo("9984.T"))
                .body("[0].listings", contains("SFTBY"))
                .body("[0].valuationUsd", nullValue())
                .body("[0].version", equalTo(3))
                .body("[0].value.method", equalTo("MARKET_CAP"))
                .body("[0].value.valueUsd", equalTo(1.6e11f))
                .body("[0].value.sharesOutstanding", equalTo(5_711_848_120L))
                .body("[0].value.price.symbol", equalTo("9984.T"))
                .body("[0].value.price.currency", equalTo("JPY"))
                .body("[0].value.price.ts", equalTo("2025-12-31T00:00:00Z"))
                .body("[0].value.fx.symbol", equalTo("DEXJPUS"));
    }

    @Test
    void putWithoutVersionCreatesAndWithVersionReplaces() {
        fake.script(
                ExposureServiceGrpc.getCreateEntityMethod(),
                Answer.reply(CreateEntityResponse.newBuilder()
                        .setEntity(SOFTBANK.toBuilder().setVersion(0))
                        .build()));
        fake.script(
                ExposureServiceGrpc.getUpdateEntityMethod(),
                Answer.reply(UpdateEntityResponse.newBuilder()
                        .setEntity(SOFTBANK.toBuilder().setVersion(4))
                        .build()));
        String body = """
                {"name": "SoftBank Group Corp.", "kind": "listed", "ticker": "9984.T", "listings": ["SFTBY"]%s}""";

        given().contentType(ContentType.JSON)
                .body(body.formatted(""))
                .when()
                .put("/api/v1/exposure/entities/softbank")
                .then()
                .statusCode(201)
                .body("version", equalTo(0));
        given().contentType(ContentType.JSON)
                .body(body.formatted(", \"version\": 3"))
                .when()
                .put("/api/v1/exposure/entities/softbank")
                .then()
                .statusCode(200)
                .body("version", equalTo(4));

        Entity created = fake.requests(ExposureServiceGrpc.getCreateEntityMethod())
                .get(0)
                .getEntity();
        assertThat(created)
                .isEqualTo(Entity.newBuilder()
                        .setId("softbank")
                        .setName("SoftBank Group Corp.")
                        .setKind(EntityKind.ENTITY_KIND_LISTED)
                        .setTicker("9984.T")
                        .addListings("SFTBY")
                        .build());
        assertThat(fake.requests(ExposureServiceGrpc.getUpdateEntityMethod())
                        .get(0)
                        .getEntity()
                        .getVersion())
                .isEqualTo(3);
    }

    @Test
    void deletesSendTheVersionAsExpectedVersionSoThatZeroIsChecked() {
        fake.script(
                ExposureServiceGrpc.getDeleteEntityMethod(),
                Answer.reply(DeleteEntityResponse.getDefaultInstance()),
                Answer.reply(DeleteEntityResponse.getDefaultInstance()));
        fake.script(
                ExposureServiceGrpc.getDeleteEdgeMethod(),
                Answer.reply(DeleteEdgeResponse.getDefaultInstance()),
                Answer.reply(DeleteEdgeResponse.getDefaultInstance()));

        given().queryParam("version", 0)
                .when()
                .delete("/api/v1/exposure/entities/openai")
                .then()
                .statusCode(204);
        given().when().delete("/api/v1/exposure/entities/openai").then().statusCode(204);
        given().queryParam("version", 0)
                .when()
                .delete("/api/v1/exposure/edges/e14")
                .then()
                .statusCode(204);
        given().when().delete("/api/v1/exposure/edges/e14").then().statusCode(204);

        assertThat(fake.requests(ExposureServiceGrpc.getDeleteEntityMethod()))
                .as("0 is a version; absent is no check")
                .containsExactly(
                        DeleteEntityRequest.newBuilder()
                                .setEntityId("openai")
                                .setExpectedVersion(0)
                                .build(),
                        DeleteEntityRequest.newBuilder().setEntityId("openai").build());
        assertThat(fake.requests(ExposureServiceGrpc.getDeleteEdgeMethod()))
                .containsExactly(
                        DeleteEdgeRequest.newBuilder()
                                .setEdgeId("e14")
                                .setExpectedVersion(0)
                                .build(),
                        DeleteEdgeRequest.newBuilder().setEdgeId("e14").build());
    }

    @Test
    void anEntitysCashIsSentAndAnswered() {
        fake.script(
                ExposureServiceGrpc.getCreateEntityMethod(),
                Answer.reply(CreateEntityResponse.newBuilder()
                        .setEntity(SOFTBANK.toBuilder()
                                .setVersion(0)
                                .setCashUsd(2.5e10)
                                .setCashAsOf("2025-09-30")
                                .setCashSource("https://example.org/q2"))
                        .build()));

        given().contentType(ContentType.JSON)
                .body("""
                {"name": "SoftBank Group Corp.", "kind": "LISTED", "ticker": "9984.T", "cashUsd": 25000000000,
                 "cashAsOf": "2025-09-30", "cashSource": "https://example.org/q2"}""")
                .when()
                .put("/api/v1/exposure/entities/softbank")
                .then()
                .statusCode(201)
                .body("cashUsd", equalTo(2.5e10f))
                .body("cashAsOf", equalTo("2025-09-30"))
                .body("cashSource", equalTo("https://example.org/q2"));
        given().contentType(ContentType.JSON)
                .body("""
                {"name": "SoftBank Group Corp.", "kind": "LISTED", "ticker": "9984.T", "cashAsOf": "Q3"}""")
                .when()
                .put("/api/v1/exposure/entities/softbank")
                .then()
                .statusCode(400)
                .body("violations.field", contains("cashAsOf"));

        Entity sent = fake.requests(ExposureServiceGrpc.getCreateEntityMethod())
                .get(0)
                .getEntity();
        assertThat(sent.getCashUsd()).isEqualTo(2.5e10);
        assertThat(sent.getCashAsOf()).isEqualTo("2025-09-30");
        assertThat(sent.getCashSource()).isEqualTo("https://example.org/q2");
        assertThat(fake.requests(ExposureServiceGrpc.getCreateEntityMethod())).hasSize(1);
    }

    @Test
    void aMalformedEntityIs400NamingEachFieldAndIsNotSent() {
        given().contentType(ContentType.JSON)
                .body("""
                {"kind": "BANK", "valuationAsOf": "Oct 2025", "listings": [" "]}""")
                .when()
                .put("/api/v1/exposure/entities/x")
                .then()
                .statusCode(400)
                .body("violations.field", contains("name", "kind", "listings[0]", "valuationAsOf"));

        assertThat(fake.requests(ExposureServiceGrpc.getCreateEntityMethod())).isEmpty();
    }

    @Test
    void postingAnEdgeSendsItAndTheServicesRuleViolationsComeBackAs400() {
        fake.script(
                ExposureServiceGrpc.getCreateEdgeMethod(),
                Answer.reply(
                        CreateEdgeResponse.newBuilder().setEdge(ORACLE_DEAL).build()),
                Answer.invalidField("edge.share", "shares held in openai would sum to 1.05 (no outside owners)"));
        String deal = """
                {"from": "openai", "to": "oracle", "kind": "PURCHASE", "amountUsd": 300000000000, "asOf": "2025-09-10",
                 "source": "https://example.org/wsj", "confidence": "high", "sourceRow": "E14"}""";

        given().contentType(ContentType.JSON)
                .body(deal)
                .when()
                .post("/api/v1/exposure/edges")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/exposure/edges/e14-openai-oracle-purchase"))
                .body("kind", equalTo("PURCHASE"))
                .body("confidence", equalTo("HIGH"))
                .body("share", nullValue());
        given().contentType(ContentType.JSON)
                .body("""
                {"from": "microsoft", "to": "openai", "kind": "EQUITY", "share": 0.8, "asOf": "2025-10-28"}""")
                .when()
                .post("/api/v1/exposure/edges")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("share"));

        Edge sent =
                fake.requests(ExposureServiceGrpc.getCreateEdgeMethod()).get(0).getEdge();
        assertThat(sent).isEqualTo(ORACLE_DEAL.toBuilder().clearId().build());
    }

    @Test
    void loopsPassTheirParametersAndMapTheAnswer() {
        fake.script(
                ExposureServiceGrpc.getListLoopsMethod(),
                Answer.reply(ListLoopsResponse.newBuilder()
                        .addLoops(Loop.newBuilder()
                                .addEntities("nvidia")
                                .addEntities("openai")
                                .addEntities("oracle")
                                .addEdges(ORACLE_DEAL)
                                .setBottleneckUsd(4e10)
                                .setTotalUsd(4.4e11))
                        .addLoops(Loop.newBuilder()
                                .addEntities("coreweave")
                                .addEntities("nvidia")
                                .setTotalUsd(1.3e9))
                        .setTruncated(true)
                        .addCircularShares(
                                CircularShare.newBuilder().setEntity("oracle").setCircularShare(1.0))
                        .build()));

        given().queryParam("asOf", "2025-12-31")
                .queryParam("minUsd", 1e9)
                .queryParam("maxLength", 6)
                .queryParam("limit", 10)
                .queryParam("amounts", "high")
                .when()
                .get("/api/v1/exposure/loops")
                .then()
                .statusCode(200)
                .body("loops[0].entities", contains("nvidia", "openai", "oracle"))
                .body("loops[0].edges[0].sourceRow", equalTo("E14"))
                .body("loops[0].bottleneckUsd", equalTo(4e10f))
                .body("loops[1]", hasKey("bottleneckUsd"))
                .body("loops[1].bottleneckUsd", nullValue())
                .body("truncated", equalTo(true))
                .body("circularShares[0].entity", equalTo("oracle"));

        assertThat(fake.requests(ExposureServiceGrpc.getListLoopsMethod()).get(0))
                .isEqualTo(ListLoopsRequest.newBuilder()
                        .setAsOf("2025-12-31")
                        .setMinUsd(1e9)
                        .setMaxLength(6)
                        .setLimit(10)
                        .setAmounts(AmountChoice.AMOUNT_CHOICE_HIGH)
                        .build());
        given().queryParam("maxLength", 0)
                .queryParam("minUsd", -1)
                .queryParam("asOf", "yesterday")
                .when()
                .get("/api/v1/exposure/loops")
                .then()
                .statusCode(400)
                .body("violations.field", contains("asOf", "minUsd", "maxLength"));
    }

    @Test
    void aQueryNumberThatIsNotANumberIs400NamingTheParameter() {
        given().queryParam("maxLength", "six")
                .when()
                .get("/api/v1/exposure/loops")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("maxLength"));
        given().queryParam("limit", "1e3")
                .when()
                .get("/api/v1/exposure/loops")
                .then()
                .statusCode(400)
                .body("violations.field", contains("limit"));
        given().queryParam("minUsd", "NaN")
                .when()
                .get("/api/v1/exposure/loops")
                .then()
                .statusCode(400)
                .body("violations.field", contains("minUsd"));
        given().queryParam("version", "latest")
                .when()
                .delete("/api/v1/exposure/edges/e14")
                .then()
                .statusCode(400)
                .body("violations.field", contains("version"));

        assertThat(fake.requests(ExposureServiceGrpc.getListLoopsMethod())).isEmpty();
    }

    @Test
    void anEdgeIsReadAsOfADateAndKnownAtAnInstantAndItsHistoryListsEveryVersion() {
        Edge before = ORACLE_DEAL.toBuilder()
                .setValidTo("2025-11-01")
                .setAmountLowUsd(2e11)
                .setAmountHighUsd(3.5e11)
                .setEstimated(true)
                .setCapacityGw(4.5)
                .setCapacityKind(CapacityKind.CAPACITY_KIND_CLOUD_CAPACITY)
                .setRecordedAt(Timestamp.newBuilder().setSeconds(1_767_600_000L))
                .build();
        Edge after = ORACLE_DEAL.toBuilder()
                .setVersion(1)
                .setAsOf("2025-11-01")
                .setAmountUsd(3.2e11)
                .build();
        fake.script(
                ExposureServiceGrpc.getGetEdgeMethod(),
                Answer.reply(GetEdgeResponse.newBuilder().setEdge(before).build()));
        fake.script(
                ExposureServiceGrpc.getListEdgeHistoryMethod(),
                Answer.reply(ListEdgeHistoryResponse.newBuilder()
                        .addVersions(before)
                        .addVersions(after)
                        .build()));

        given().queryParam("asOf", "2025-10-01")
                .queryParam("knownAt", "2026-01-05T08:00:00Z")
                .when()
                .get("/api/v1/exposure/edges/e14-openai-oracle-purchase")
                .then()
                .statusCode(200)
                .body("validTo", equalTo("2025-11-01"))
                .body("amountLowUsd", equalTo(2e11f))
                .body("amountHighUsd", equalTo(3.5e11f))
                .body("capacityGw", equalTo(4.5f))
                .body("capacityKind", equalTo("CLOUD_CAPACITY"))
                .body("recordedAt", equalTo("2026-01-05T08:00:00Z"));
        assertThat(fake.requests(ExposureServiceGrpc.getGetEdgeMethod()).get(0))
                .isEqualTo(GetEdgeRequest.newBuilder()
                        .setEdgeId("e14-openai-oracle-purchase")
                        .setAsOf("2025-10-01")
                        .setKnownAt(Timestamp.newBuilder().setSeconds(1_767_600_000L))
                        .build());

        given().when()
                .get("/api/v1/exposure/edges/e14-openai-oracle-purchase/history")
                .then()
                .statusCode(200)
                .body("version", contains(0, 1))
                .body("amountUsd", contains(3e11f, 3.2e11f))
                .body("validTo", contains("2025-11-01", null));
        given().queryParam("knownAt", "last week")
                .queryParam("asOf", "2025-13-01")
                .when()
                .get("/api/v1/exposure/edges/e14-openai-oracle-purchase")
                .then()
                .statusCode(400)
                .body("violations.field", contains("asOf", "knownAt"));
        given().queryParam("target", "openai")
                .queryParam("amounts", "median")
                .when()
                .get("/api/v1/exposure/lookthrough")
                .then()
                .statusCode(400)
                .body("violations.field", contains("amounts"));
        assertThat(fake.requests(ExposureServiceGrpc.getGetEdgeMethod())).hasSize(1);
    }

    @Test
    void lookThroughNeedsATargetAndAnUnvaluedEntityIs409NamingIt() {
        fake.script(
                ExposureServiceGrpc.getLookThroughMethod(),
                Answer.reply(LookThroughResponse.newBuilder()
                        .setTarget("openai")
                        .setTargetValueUsd(5e11)
                        .addExposures(Exposure.newBuilder()
                                .setEntity("softbank")
                                .setDirectShare(0.11)
                                .setTotalShare(0.11)
                                .setValueAtStakeUsd(5.5e10)
                                .setFractionOfOwnValue(0.34)
                                .setValueUsd(1.6e11))
                        .build()),
                Answer.fail(Status.FAILED_PRECONDITION.withDescription("oracle: no latest price for ORCL")));

        given().queryParam("target", "openai")
                .when()
                .get("/api/v1/exposure/lookthrough")
                .then()
                .statusCode(200)
                .body("targetValueUsd", equalTo(5e11f))
                .body("exposures[0].entity", equalTo("softbank"))
                .body("exposures[0].fractionOfOwnValue", equalTo(0.34f))
                .body("exposures[0].inflowToRevenue", nullValue());
        given().queryParam("target", "openai")
                .when()
                .get("/api/v1/exposure/lookthrough")
                .then()
                .statusCode(409)
                .body("detail", equalTo("oracle: no latest price for ORCL"));
        given().when()
                .get("/api/v1/exposure/lookthrough")
                .then()
                .statusCode(400)
                .body("violations.field", contains("target"));
    }

    @Test
    void stressSendsTheScenarioAndMapsEntityAndBasketImpacts() {
        fake.script(
                ExposureServiceGrpc.getStressMethod(),
                Answer.reply(StressResponse.newBuilder()
                        .setModel(StressModel.STRESS_MODEL_DEBTRANK)
                        .setDebtRank(0.012)
                        .setWaves(4)
                        .setConverged(true)
                        .addEntities(EntityImpact.newBuilder()
                                .setEntity("openai")
                                .setValueUsd(5e11)
                                .setRelativeChange(-0.5)
                                .setValueLostUsd(-2.5e11)
                                .setFailedInWave(0))
                        .addBaskets(BasketImpact.newBuilder()
                                .setBasketId("team-openai")
                                .setName("Team OpenAI")
                                .setLevelChange(-0.04)
                                .addMembers(BasketMemberImpact.newBuilder()
                                        .setSymbol("ORCL")
                                        .setEntity("oracle")
                                        .setCurrentWeight(0.15)
                                        .setRelativeChange(-0.12)))
                        .addBaskets(BasketImpact.newBuilder()
                                .setBasketId("broken")
                                .setName("Broken")
                                // level_change unset (0): the reason, not the number, says it is unavailable
                                .setUnavailableReason("no prices for XYZ"))
                        .build()));

        given().contentType(ContentType.JSON)
                .body("""
                {"model": "debtrank", "shocks": [{"entity": "openai", "valueChange": -0.5}], "options": {"rule": "2012"},
                 "asOf": "2025-12-31"}""")
                .when()
                .post("/api/v1/exposure/stress")
                .then()
                .statusCode(200)
                .body("model", equalTo("DEBTRANK"))
                .body("debtRank", equalTo(0.012f))
                .body("entities[0].failedInWave", equalTo(0))
                .body("baskets[0].levelChange", equalTo(-0.04f))
                .body("baskets[0].members[0].entity", equalTo("oracle"))
                .body("baskets[1].levelChange", nullValue())
                .body("baskets[1].unavailableReason", equalTo("no prices for XYZ"))
                .body("basketsUnavailable", nullValue());

        StressRequest sent =
                fake.requests(ExposureServiceGrpc.getStressMethod()).get(0);
        assertThat(sent.getModel()).isEqualTo(StressModel.STRESS_MODEL_DEBTRANK);
        assertThat(sent.getShocksList())
                .containsExactly(Shock.newBuilder()
                        .setEntity("openai")
                        .setValueChange(-0.5)
                        .build());
        assertThat(sent.getOptions().getDebtrankRule()).isEqualTo(DebtRankRule.DEBT_RANK_RULE_ORIGINAL_2012);
        assertThat(sent.getOptions().hasTheta()).isFalse();
        assertThat(sent.getAsOf()).isEqualTo("2025-12-31");
    }

    @Test
    void aClearingScenarioSendsItsOptionsAndMapsTheClearingFigures() {
        ClearingFigures baseline = ClearingFigures.newBuilder()
                .setObligationsUsd(5.724e11)
                .setPaidUsd(3.13e11)
                .setDefaulted(true)
                .setUnpaidToValue(0)
                .setExternalResourcesUsd(2e11)
                .build();
        fake.script(
                ExposureServiceGrpc.getStressMethod(),
                Answer.reply(StressResponse.newBuilder()
                        .setModel(StressModel.STRESS_MODEL_CLEARING)
                        .setWaves(3)
                        .setConverged(true)
                        .addEntities(EntityImpact.newBuilder()
                                .setEntity("oracle")
                                .setValueUsd(5.6e11)
                                .setRelativeChange(-0.09)
                                .setValueLostUsd(-5.04e10)
                                .setClearingBaseline(ClearingFigures.newBuilder()
                                        .setObligationsUsd(4e10)
                                        .setPaidUsd(4e10)
                                        .setUnpaidReceivablesUsd(1.3e11)
                                        .setUnpaidToRevenue(2.3)
                                        .setUnpaidToValue(0.23)
                                        .setExternalResourcesUsd(2.87e11))
                                .setClearingShocked(ClearingFigures.newBuilder()
                                        .setObligationsUsd(4e10)
                                        .setPaidUsd(4e10)
                                        .setUnpaidReceivablesUsd(1.8e11)
                                        .setUnpaidToRevenue(3.1)
                                        .setUnpaidToValue(0.32)
                                        .setExternalResourcesUsd(2.87e11)))
                        .addEntities(EntityImpact.newBuilder()
                                .setEntity("openai")
                                .setValueUsd(5e11)
                                .setClearingBaseline(baseline)
                                .setClearingShocked(baseline))
                        .build()));

        given().contentType(ContentType.JSON)
                .body("""
                {"model": "clearing", "shocks": [{"entity": "openai", "valueChange": -0.5}],
                 "options": {"alpha": 0.5, "beta": 0.9, "horizonYears": 3}}""")
                .when()
                .post("/api/v1/exposure/stress")
                .then()
                .statusCode(200)
                .body("model", equalTo("CLEARING"))
                .body("debtRank", nullValue())
                .body("entities[0].failedInWave", nullValue())
                .body("entities[0].clearingBaseline.unpaidReceivablesUsd", equalTo(1.3e11f))
                .body("entities[0].clearingShocked.unpaidReceivablesUsd", equalTo(1.8e11f))
                .body("entities[0].clearingShocked.unpaidToRevenue", equalTo(3.1f))
                .body("entities[0].clearingShocked.externalResourcesUsd", equalTo(2.87e11f))
                .body("entities[1].clearingBaseline.defaulted", equalTo(true))
                .body("entities[1].clearingBaseline.paidUsd", equalTo(3.13e11f))
                .body("entities[1].clearingBaseline.unpaidToRevenue", nullValue());

        StressRequest sent =
                fake.requests(ExposureServiceGrpc.getStressMethod()).get(0);
        assertThat(sent.getModel()).isEqualTo(StressModel.STRESS_MODEL_CLEARING);
        assertThat(sent.getOptions().getAlpha()).isEqualTo(0.5);
        assertThat(sent.getOptions().getClearingBeta())
                .as("REST's beta is CLEARING's cost on receivables")
                .isEqualTo(0.9);
        assertThat(sent.getOptions().getBeta()).isZero();
        assertThat(sent.getOptions().getHorizonYears()).isEqualTo(3);
    }

    @Test
    void aCrossHoldingsBetaStaysTheFailureCostAndOtherModelsAnswerNullClearingFigures() {
        fake.script(
                ExposureServiceGrpc.getStressMethod(),
                Answer.reply(StressResponse.newBuilder()
                        .setModel(StressModel.STRESS_MODEL_CROSS_HOLDINGS)
                        .setWaves(1)
                        .addEntities(EntityImpact.newBuilder()
                                .setEntity("openai")
                                .setValueUsd(5e11)
                                .setRelativeChange(-0.5))
                        .build()));

        given().contentType(ContentType.JSON)
                .body("""
                {"model": "CROSS_HOLDINGS", "shocks": [{"entity": "openai", "valueChange": -0.5}],
                 "options": {"theta": 0.9, "beta": 0.25}}""")
                .when()
                .post("/api/v1/exposure/stress")
                .then()
                .statusCode(200)
                .body("entities[0].clearingBaseline", nullValue())
                .body("entities[0].clearingShocked", nullValue());

        StressOptions sent =
                fake.requests(ExposureServiceGrpc.getStressMethod()).get(0).getOptions();
        assertThat(sent.getBeta()).isEqualTo(0.25);
        assertThat(sent.hasClearingBeta()).isFalse();
    }

    @Test
    void anIllConditionedEquityCycleIs422AndAServiceFieldIsNamedAsTheJsonSpellsIt() {
        fake.script(
                ExposureServiceGrpc.getCreateEdgeMethod(),
                Answer.failedPrecondition(
                        "EQUITY_CYCLE", "ab, ba", "the equity cycle of edges ab, ba makes a own 4925.1% of itself"));
        fake.script(
                ExposureServiceGrpc.getStressMethod(),
                Answer.invalidField("shocks[0].value_change", "must be in [-1, 10], got 1.0E300"),
                Answer.invalidField("options.debtrank_rule", "applies to DEBTRANK only"),
                Answer.failedPrecondition(
                        "NON_FINITE", "openai", "clearingShocked.unpaidToRevenue of openai would be Infinity"),
                Answer.failedPrecondition("VALUE", "openai", "no price"));

        given().contentType(ContentType.JSON)
                .body("""
                {"from": "b", "to": "a", "kind": "EQUITY", "share": 0.99, "asOf": "2025-10-28"}""")
                .when()
                .post("/api/v1/exposure/edges")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", equalTo("ab, ba: the equity cycle of edges ab, ba makes a own 4925.1% of itself"));
        String stress = """
                {"model": "CROSS_HOLDINGS", "shocks": [{"entity": "openai", "valueChange": 0.5}]}""";
        given().contentType(ContentType.JSON)
                .body(stress)
                .when()
                .post("/api/v1/exposure/stress")
                .then()
                .statusCode(400)
                .body("violations.field", contains("shocks[0].valueChange"))
                .body("detail", equalTo("shocks[0].valueChange must be in [-1, 10], got 1.0E300"));
        given().contentType(ContentType.JSON)
                .body(stress)
                .when()
                .post("/api/v1/exposure/stress")
                .then()
                .statusCode(400)
                .body("violations.field", contains("options.rule"))
                .body("detail", equalTo("options.rule applies to DEBTRANK only"));
        given().contentType(ContentType.JSON)
                .body(stress)
                .when()
                .post("/api/v1/exposure/stress")
                .then()
                .statusCode(422)
                .body("detail", containsString("would be Infinity"));
        // other preconditions stay conflicts
        given().contentType(ContentType.JSON)
                .body(stress)
                .when()
                .post("/api/v1/exposure/stress")
                .then()
                .statusCode(409);
    }

    @Test
    void aBadScenarioIs400NamingEachFieldAndIsNotSent() {
        given().contentType(ContentType.JSON)
                .body("""
                {"model": "MONTE_CARLO", "shocks": [{"valueChange": -0.5}, null], "options": {"rule": "1999"}}""")
                .when()
                .post("/api/v1/exposure/stress")
                .then()
                .statusCode(400)
                .body("violations.field", contains("model", "shocks[0].entity", "shocks[1]", "options.rule"));
        given().contentType(ContentType.JSON)
                .body("{\"model\": \"DEBTRANK\", \"shocks\": []}")
                .when()
                .post("/api/v1/exposure/stress")
                .then()
                .statusCode(400)
                .body("violations.field", contains("shocks"));

        assertThat(fake.requests(ExposureServiceGrpc.getStressMethod())).isEmpty();
    }

    @Test
    void exposureServiceDownIs503AndItsNotFoundIs404() {
        fake.script(
                ExposureServiceGrpc.getGetEntityMethod(),
                Answer.fail(Status.NOT_FOUND.withDescription("no entity nope")),
                Answer.fail(Status.UNAVAILABLE),
                Answer.fail(Status.UNAVAILABLE),
                Answer.fail(Status.UNAVAILABLE));

        given().when()
                .get("/api/v1/exposure/entities/nope")
                .then()
                .statusCode(404)
                .body("detail", equalTo("no entity nope"));
        given().when().get("/api/v1/exposure/entities/openai").then().statusCode(503);
        assertThat(fake.requests(ExposureServiceGrpc.getGetEntityMethod()))
                .as("a read is retried on UNAVAILABLE")
                .hasSize(4);
    }

    private static Quote quote(String symbol, double price, String currency) {
        return Quote.newBuilder()
                .setSymbol(symbol)
                .setPrice(price)
                .setCurrency(currency)
                .setTs(Timestamp.newBuilder().setSeconds(1767139200L))
                .build();
    }
}
