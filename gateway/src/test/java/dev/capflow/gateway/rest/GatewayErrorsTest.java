package dev.capflow.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Errors the gateway answers before any route runs, or for input no route accepts: always problem+json. */
@QuarkusTest
@WithTestResource(FakeIngestServer.class)
class GatewayErrorsTest extends GatewayTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String BAR = """
            {"symbol": "NVDA", "date": "2025-10-29", "open": 1, "high": 1, "low": 1, "close": 1}""";

    @Test
    void anUnknownRouteIs404ProblemJson() {
        given().when()
                .get("/api/v1/no-such-route")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/v1/no-such-route"));
    }

    @Test
    void anUnsupportedMethodIs405ProblemJson() {
        given().when()
                .patch("/api/v1/prices/latest?symbols=NVDA")
                .then()
                .statusCode(405)
                .contentType(PROBLEM)
                .header("Allow", equalTo("GET, HEAD, OPTIONS"))
                .body("status", equalTo(405));
        given().when()
                .patch("/api/v1/baskets/team-google")
                .then()
                .statusCode(405)
                .header("Allow", equalTo("DELETE, GET, HEAD, OPTIONS, PUT"));
    }

    @Test
    void aWrongContentTypeIs415ProblemJson() {
        given().contentType(ContentType.XML)
                .body("<bars/>")
                .when()
                .post("/api/v1/prices/bars")
                .then()
                .statusCode(415)
                .contentType(PROBLEM)
                .body("status", equalTo(415));
    }

    @Test
    void aDuplicateKeyIs400NamingTheKey() {
        given().contentType(ContentType.JSON)
                .body("[{\"symbol\": \"NVDA\", \"symbol\": \"MSFT\", \"date\": \"2025-10-29\"}]")
                .when()
                .post("/api/v1/prices/bars")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("detail", org.hamcrest.Matchers.containsString("symbol"));
        assertThat(fake.requests(IngestServiceGrpc.getIngestBarsMethod())).isEmpty();
    }

    @Test
    void deepNestingIs400ProblemJson() {
        String deep = "[".repeat(200) + "]".repeat(200);
        given().contentType(ContentType.JSON)
                .body(deep)
                .when()
                .post("/api/v1/prices/bars")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", hasItem("body"));
    }

    @Test
    void malformedJsonIs400ProblemJson() {
        given().contentType(ContentType.JSON)
                .body("[" + BAR)
                .when()
                .post("/api/v1/prices/bars")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", hasItem("body"));
    }

    @Test
    void aTooLongUriIs414ProblemJson() {
        given().when()
                .get("/api/v1/prices/latest?symbols=" + "A".repeat(10_000))
                .then()
                .statusCode(414)
                .contentType(PROBLEM)
                .body("status", equalTo(414));
    }

    @Test
    void tooLargeHeadersAre431ProblemJson() {
        given().header("X-Padding", "p".repeat(20_000))
                .when()
                .get("/api/v1/prices/latest?symbols=NVDA")
                .then()
                .statusCode(431)
                .contentType(PROBLEM)
                .body("status", equalTo(431));
    }

    @Test
    void aCorsRequestFromAnUnknownOriginIs403ProblemJson() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when()
                .options("/api/v1/prices/bars")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("status", equalTo(403));
    }

    @ParameterizedTest
    @CsvSource({
        "/api/v1/prices/NVDA/bars?from=2025-10-01&bogus=1, bogus",
        "/api/v1/prices/latest?symbols=NVDA&symbol=MSFT, symbol"
    })
    void anUnknownQueryParameterIs400NamingIt(String uri, String parameter) {
        given().when()
                .get(uri)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", hasItem(parameter));
        assertThat(fake.requests(IngestServiceGrpc.getGetBarsMethod())).isEmpty();
        assertThat(fake.requests(IngestServiceGrpc.getGetLatestPricesMethod())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NV%24DA", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "NV%00DA", "..%2F..%2Fetc", "%20"})
    void aMalformedSymbolInThePathIs400NamingSymbol(String symbol) {
        given().urlEncodingEnabled(false)
                .when()
                .get("/api/v1/prices/" + symbol + "/bars")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", hasItem("symbol"));
        assertThat(fake.requests(IngestServiceGrpc.getGetBarsMethod())).isEmpty();
    }

    @Test
    void aMalformedSymbolInTheQueryIs400NamingSymbols() {
        given().when()
                .get("/api/v1/prices/latest?symbols=NVDA,NV$DA")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", hasItem("symbols"));
        assertThat(fake.requests(IngestServiceGrpc.getGetLatestPricesMethod())).isEmpty();
    }
}
