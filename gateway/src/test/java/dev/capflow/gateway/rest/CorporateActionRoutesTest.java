package dev.capflow.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.capflow.gateway.fake.Answer;
import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.proto.ingest.v1.AddCorporateActionResponse;
import dev.capflow.proto.ingest.v1.CorporateAction;
import dev.capflow.proto.ingest.v1.CorporateActionKind;
import dev.capflow.proto.ingest.v1.DeleteCorporateActionRequest;
import dev.capflow.proto.ingest.v1.DeleteCorporateActionResponse;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.ListCorporateActionsRequest;
import dev.capflow.proto.ingest.v1.ListCorporateActionsResponse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FakeIngestServer.class)
class CorporateActionRoutesTest extends GatewayTest {

    private static final CorporateAction SPLIT = CorporateAction.newBuilder()
            .setSymbol("NVDA")
            .setExDate("2024-06-10")
            .setKind(CorporateActionKind.CORPORATE_ACTION_KIND_SPLIT)
            .setRatio(10)
            .build();
    private static final CorporateAction DIVIDEND = CorporateAction.newBuilder()
            .setSymbol("NVDA")
            .setExDate("2025-09-11")
            .setKind(CorporateActionKind.CORPORATE_ACTION_KIND_DIVIDEND)
            .setAmount(0.01)
            .build();

    @Test
    void aSplitIsRecordedWith201AndAgainWith200() {
        fake.script(
                IngestServiceGrpc.getAddCorporateActionMethod(),
                Answer.reply(AddCorporateActionResponse.newBuilder()
                        .setAction(SPLIT)
                        .setCreated(true)
                        .build()),
                Answer.reply(AddCorporateActionResponse.newBuilder()
                        .setAction(SPLIT)
                        .setCreated(false)
                        .build()));
        String body = """
                {"symbol": "NVDA", "exDate": "2024-06-10", "kind": "split", "ratio": 10}""";

        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/corporate-actions")
                .then()
                .statusCode(201)
                .body("symbol", equalTo("NVDA"))
                .body("exDate", equalTo("2024-06-10"))
                .body("kind", equalTo("SPLIT"))
                .body("ratio", equalTo(10.0f))
                .body("$", not(hasKey("amount")));
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/corporate-actions")
                .then()
                .statusCode(200);

        assertThat(fake.requests(IngestServiceGrpc.getAddCorporateActionMethod())
                        .get(0)
                        .getAction())
                .isEqualTo(SPLIT);
    }

    @Test
    void aDividendSendsItsAmount() {
        fake.script(
                IngestServiceGrpc.getAddCorporateActionMethod(),
                Answer.reply(AddCorporateActionResponse.newBuilder()
                        .setAction(DIVIDEND)
                        .setCreated(true)
                        .build()));

        given().contentType(ContentType.JSON)
                .body("""
                        {"symbol": "NVDA", "exDate": "2025-09-11", "kind": "DIVIDEND", "amount": 0.01}""")
                .when()
                .post("/api/v1/corporate-actions")
                .then()
                .statusCode(201)
                .body("amount", equalTo(0.01f))
                .body("$", not(hasKey("ratio")));

        assertThat(fake.requests(IngestServiceGrpc.getAddCorporateActionMethod())
                        .get(0)
                        .getAction())
                .isEqualTo(DIVIDEND);
    }

    @Test
    void aSplitWithoutRatioOrWithAnAmountIs400NamingTheFields() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"symbol": "NVDA", "exDate": "2024-06-10", "kind": "SPLIT", "amount": 1}""")
                .when()
                .post("/api/v1/corporate-actions")
                .then()
                .statusCode(400)
                .body("violations.field", contains("ratio", "amount"))
                .body("violations.reason", contains("is required", "must be absent for a SPLIT"));

        assertThat(fake.requests(IngestServiceGrpc.getAddCorporateActionMethod()))
                .isEmpty();
    }

    @Test
    void anUnknownKindIs400NamingKind() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"symbol": "NVDA", "exDate": "2024-06-10", "kind": "MERGER"}""")
                .when()
                .post("/api/v1/corporate-actions")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("kind"))
                .body("violations[0].reason", equalTo("must be one of [SPLIT, DIVIDEND]"));
    }

    @Test
    void actionsOfASymbolAreListedWithOnlyTheirOwnFigure() {
        fake.script(
                IngestServiceGrpc.getListCorporateActionsMethod(),
                Answer.reply(ListCorporateActionsResponse.newBuilder()
                        .addActions(SPLIT)
                        .addActions(DIVIDEND)
                        .build()));

        given().when()
                .get("/api/v1/prices/NVDA/corporate-actions")
                .then()
                .statusCode(200)
                .body("kind", contains("SPLIT", "DIVIDEND"))
                .body("exDate", contains("2024-06-10", "2025-09-11"))
                .body("[0].ratio", equalTo(10.0f))
                .body("[0]", not(hasKey("amount")))
                .body("[1].amount", equalTo(0.01f))
                .body("[1]", not(hasKey("ratio")));

        assertThat(fake.requests(IngestServiceGrpc.getListCorporateActionsMethod()))
                .containsExactly(ListCorporateActionsRequest.newBuilder()
                        .setSymbol("NVDA")
                        .build());
    }

    @Test
    void anActionIsDeletedByItsSymbolExDateAndKind() {
        fake.script(
                IngestServiceGrpc.getDeleteCorporateActionMethod(),
                Answer.reply(DeleteCorporateActionResponse.newBuilder()
                        .setAction(SPLIT)
                        .build()));

        given().when()
                .delete("/api/v1/corporate-actions/NVDA/2024-06-10/split")
                .then()
                .statusCode(200)
                .body("kind", equalTo("SPLIT"))
                .body("ratio", equalTo(10.0f));

        assertThat(fake.requests(IngestServiceGrpc.getDeleteCorporateActionMethod()))
                .containsExactly(DeleteCorporateActionRequest.newBuilder()
                        .setSymbol("NVDA")
                        .setExDate("2024-06-10")
                        .setKind(CorporateActionKind.CORPORATE_ACTION_KIND_SPLIT)
                        .build());
    }

    @Test
    void deletingWithABadExDateOrKindIs400NamingThem() {
        given().when()
                .delete("/api/v1/corporate-actions/NVDA/2024-13-10/MERGER")
                .then()
                .statusCode(400)
                .body("violations.field", contains("exDate", "kind"));

        assertThat(fake.requests(IngestServiceGrpc.getDeleteCorporateActionMethod()))
                .isEmpty();
    }
}
