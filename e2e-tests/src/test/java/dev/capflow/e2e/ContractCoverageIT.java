package dev.capflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every operation of the gateway's served OpenAPI document is called at least once through {@link GatewayApi}, so
 * {@link ContractCheck} validates a success and, where cheap, a documented refusal of each; the last test requires that
 * the operations checked are exactly the documented ones, so a new route without a call here fails the build.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContractCoverageIT {

    private static final String AS_OF = "2025-12-31";
    private static final String SYMBOL = "CCVX";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static DemoPlatform platform;
    private static GatewayApi api;

    @BeforeAll
    static void startPlatformAndLoadDemo() throws Exception {
        platform = DemoPlatform.start(true);
        api = platform.api();
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        platform.close();
    }

    @Test
    @Order(1)
    void instrumentsAndPrices() {
        api.registerEquity(SYMBOL);
        status(api.request().contentType(ContentType.JSON).body("{}").put("/api/v1/instruments/{symbol}", SYMBOL), 400);
        status(api.request().get("/api/v1/instruments"), 200);
        status(api.request().queryParam("kind", "NOPE").get("/api/v1/instruments"), 400);

        String bar =
                "[{\"symbol\": \"" + SYMBOL + "\", \"date\": \"2025-10-29\", \"open\": 10, \"high\": 11, \"low\": 9, "
                        + "\"close\": %s, \"volume\": 1000}]";
        status(api.postJson("/prices/bars", bar.formatted("10.5")), 200).body("accepted", equalTo(1));
        status(
                        api.request()
                                .queryParam("mode", "replace")
                                .contentType(ContentType.JSON)
                                .body(bar.formatted("10.6"))
                                .post("/api/v1/prices/bars"),
                        200)
                .body("replaced", equalTo(1));
        status(api.postJson("/prices/bars", "{}"), 400);
        status(
                        api.request()
                                .queryParam("symbol", SYMBOL)
                                .contentType("text/csv")
                                .body(
                                        "Date,Open,High,Low,Close,Adj Close,Volume\n2025-10-30,10.6,11,10,10.8,10.8,900\n")
                                .post("/api/v1/prices/csv"),
                        200)
                .body("accepted", equalTo(1));
        status(api.request().contentType("text/csv").body("Date,Open\n").post("/api/v1/prices/csv"), 400);
        status(
                        api.request()
                                .contentType("text/csv")
                                .body("symbol,date,open,high,low,close,volume\n" + SYMBOL
                                        + ",2025-10-31,10.8,11,10.5,10.9,800\n")
                                .post("/api/v1/prices/bulk-csv"),
                        200)
                .body("accepted", equalTo(1));
        status(api.request().contentType("text/csv").body("Date,Open\n").post("/api/v1/prices/bulk-csv"), 400);
        status(api.postJson("/prices/ticks", tick(10.9)), 200).body("accepted", equalTo(1));
        status(api.postJson("/prices/ticks", "{}"), 400);

        status(api.request().queryParam("symbols", SYMBOL).get("/api/v1/prices/latest"), 200);
        status(api.request().get("/api/v1/prices/latest"), 400);
        status(api.request().get("/api/v1/prices/{symbol}/bars", SYMBOL), 200);
        status(api.request().get("/api/v1/prices/{symbol}/bars", "NOSUCH"), 404);
        status(api.request().get("/api/v1/prices/{symbol}/bars/revisions", SYMBOL), 200);
        status(api.request().get("/api/v1/prices/{symbol}/bars/revisions", "NOSUCH"), 404);
        status(api.request().get("/api/v1/prices/{symbol}/ticks", SYMBOL), 200);
        status(api.request().queryParam("from", "yesterday").get("/api/v1/prices/{symbol}/ticks", SYMBOL), 400);
        status(api.request().get("/api/v1/prices/{symbol}/minute-bars", SYMBOL), 200);
        status(api.request().queryParam("pageSize", "0").get("/api/v1/prices/{symbol}/minute-bars", SYMBOL), 400);
    }

    @Test
    @Order(2)
    void corporateActions() {
        String split =
                "{\"symbol\": \"" + SYMBOL + "\", \"exDate\": \"2025-10-30\", \"kind\": \"SPLIT\", \"ratio\": 2}";
        status(api.postJson("/corporate-actions", split), 201);
        status(api.postJson("/corporate-actions", "{}"), 400);
        status(api.request().get("/api/v1/prices/{symbol}/corporate-actions", SYMBOL), 200);
        status(api.request().get("/api/v1/prices/{symbol}/corporate-actions", "NOSUCH"), 404);
        String action = "/api/v1/corporate-actions/{symbol}/{exDate}/{kind}";
        status(api.request().delete(action, SYMBOL, "2025-10-30", "SPLIT"), 200);
        status(api.request().delete(action, SYMBOL, "2025-10-30", "SPLIT"), 404);
    }

    @Test
    @Order(3)
    void baskets() {
        String basket = "{\"name\": \"Contract coverage\", \"currency\": \"USD\", \"baseDate\": \"2025-10-29\", "
                + "\"weighting\": \"EQUAL\", \"rebalance\": \"NONE\", \"members\": [{\"symbol\": \"NVDA\"}, {\"symbol\": \"MSFT\"}]%s}";
        status(api.postJson("/baskets", basket.formatted(", \"id\": \"cc-basket\"")), 201);
        status(api.postJson("/baskets", "{}"), 400);
        status(api.request().get("/api/v1/baskets"), 200);
        int version = status(api.request().get("/api/v1/baskets/{id}", "cc-basket"), 200)
                .extract()
                .path("version");
        status(api.request().get("/api/v1/baskets/{id}", "no-such-basket"), 404);
        putJson("/api/v1/baskets/cc-basket", basket.formatted(", \"version\": " + version), 200);
        putJson("/api/v1/baskets/cc-basket", basket.formatted(", \"version\": " + version), 409);
        status(api.request().delete("/api/v1/baskets/{id}", "cc-basket"), 204);
        status(api.request().delete("/api/v1/baskets/{id}", "cc-basket"), 404);

        status(
                api.request()
                        .queryParam("from", "2025-10-29")
                        .queryParam("to", AS_OF)
                        .get("/api/v1/baskets/{id}/performance", "team-google"),
                200);
        status(api.request().get("/api/v1/baskets/{id}/performance", "no-such-basket"), 404);
        status(
                api.request()
                        .queryParam("a", "team-google")
                        .queryParam("b", "team-openai")
                        .get("/api/v1/compare"),
                200);
        status(api.request().queryParam("a", "team-google").get("/api/v1/compare"), 400);
    }

    @Test
    @Order(4)
    void exposureEntitiesAndEdges() {
        String entity = "{\"name\": \"%s\", \"kind\": \"PRIVATE\", \"valuationUsd\": 1000000000, "
                + "\"valuationAsOf\": \"2025-06-30\", \"valuationSource\": \"contract coverage test\"%s}";
        putJson("/api/v1/exposure/entities/cc-holder", entity.formatted("CC Holder", ""), 201);
        putJson("/api/v1/exposure/entities/cc-lone", entity.formatted("CC Lone", ""), 201);
        putJson("/api/v1/exposure/entities/cc-lone", "{}", 400);
        status(api.request().get("/api/v1/exposure/entities"), 200);
        status(api.request().get("/api/v1/exposure/entities/{id}", "cc-holder"), 200);
        status(api.request().get("/api/v1/exposure/entities/{id}", "nobody"), 404);
        status(api.request().get("/api/v1/exposure/entities/{id}/history", "openai"), 200);
        status(api.request().get("/api/v1/exposure/entities/{id}/history", "nobody"), 404);
        status(api.request().delete("/api/v1/exposure/entities/{id}", "cc-lone"), 204);
        status(api.request().delete("/api/v1/exposure/entities/{id}", "openai"), 409);

        String edge = "{\"from\": \"cc-holder\", \"to\": \"openai\", \"kind\": \"INVESTMENT\", \"amountUsd\": %s, "
                + "\"asOf\": \"2025-06-30\", \"source\": \"contract coverage test\", \"confidence\": \"HIGH\"%s}";
        ValidatableResponse created = status(api.postJson("/exposure/edges", edge.formatted("1000000", "")), 201);
        String id = created.extract().path("id");
        int version = created.extract().path("version");
        status(api.postJson("/exposure/edges", "{}"), 400);
        status(api.request().queryParam("asOf", AS_OF).get("/api/v1/exposure/edges"), 200);
        status(api.request().queryParam("asOf", "someday").get("/api/v1/exposure/edges"), 400);
        status(api.request().get("/api/v1/exposure/edges/{id}", id), 200);
        status(api.request().get("/api/v1/exposure/edges/{id}", "no-such-edge"), 404);
        putJson("/api/v1/exposure/edges/" + id, edge.formatted("2000000", ", \"version\": " + version), 200);
        putJson("/api/v1/exposure/edges/" + id, edge.formatted("3000000", ", \"version\": " + version), 409);
        status(api.request().get("/api/v1/exposure/edges/{id}/history", id), 200);
        status(api.request().get("/api/v1/exposure/edges/{id}/history", "no-such-edge"), 404);
        status(api.request().delete("/api/v1/exposure/edges/{id}", id), 204);
        status(api.request().delete("/api/v1/exposure/edges/{id}", "no-such-edge"), 404);
    }

    @Test
    @Order(5)
    void exposureAnalysis() {
        status(api.request().queryParam("asOf", AS_OF).get("/api/v1/exposure/loops"), 200);
        status(api.request().queryParam("maxLength", 0).get("/api/v1/exposure/loops"), 400);
        status(
                api.request()
                        .queryParam("target", "openai")
                        .queryParam("asOf", AS_OF)
                        .get("/api/v1/exposure/lookthrough"),
                200);
        status(api.request().get("/api/v1/exposure/lookthrough"), 400);
        status(
                api.postJson(
                        "/exposure/stress",
                        "{\"model\": \"DEBTRANK\", \"shocks\": [{\"entity\": \"openai\", "
                                + "\"valueChange\": -0.5}], \"asOf\": \"" + AS_OF + "\"}"),
                200);
        status(
                api.postJson(
                        "/exposure/stress",
                        "{\"model\": \"DEBTRANK\", \"shocks\": [{\"entity\": \"nobody\", "
                                + "\"valueChange\": -0.5}]}"),
                400);
    }

    /** The streams: open, read the first event (checked by EventStream), close; and one refusal of each. */
    @Test
    @Order(6)
    void streams() throws Exception {
        try (EventStream levels = EventStream.open(platform.gatewayUrl(), "/api/v1/stream/baskets/team-google")) {
            levels.next("level", WAIT);
        }
        status(api.request().get("/api/v1/stream/baskets/{id}", "no-such-basket"), 404);

        try (EventStream prices = EventStream.open(platform.gatewayUrl(), "/api/v1/stream/prices?symbols=" + SYMBOL)) {
            // the gateway opens its upstream call as the stream starts: post until the stream carries a tick
            EventStream.Event received = null;
            for (int attempt = 0; received == null && attempt < 20; attempt++) {
                status(api.postJson("/prices/ticks", tick(11 + attempt / 10.0)), 200);
                received = prices.poll("tick", Duration.ofSeconds(1));
            }
            assertThat(received).as("a posted tick on the price stream").isNotNull();
        }
        status(api.request().get("/api/v1/stream/prices"), 400);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyDocumentedOperationWasChecked() {
        ContractCheck.Document document = ContractCheck.document(platform.gatewayUrl());
        assertThat(document.operations()).as("the served document's operations").hasSizeGreaterThan(30);
        assertThat(document.checked())
                .as("the operations this test called and ContractCheck validated")
                .containsExactlyElementsOf(document.operations());
    }

    private static String tick(double price) {
        return "[{\"symbol\": \"" + SYMBOL + "\", \"ts\": \"" + Instant.now().truncatedTo(ChronoUnit.MILLIS)
                + "\", \"price\": " + price + ", \"size\": 10}]";
    }

    private static void putJson(String path, String json, int expected) {
        status(api.request().contentType(ContentType.JSON).body(json).put(path), expected);
    }

    private static ValidatableResponse status(Response response, int expected) {
        return response.then().statusCode(expected);
    }
}
