package dev.capflow.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.capflow.gateway.fake.Answer;
import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.proto.basket.v1.BasketServiceGrpc;
import dev.capflow.proto.exposure.v1.ExposureServiceGrpc;
import dev.capflow.proto.ingest.v1.GetLatestPricesResponse;
import dev.capflow.proto.ingest.v1.GetTicksResponse;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules every route's request follows, checked once for all routes before any call downstream: one JSON document
 * per body, a declared Content-Type, single-valued query parameters given once and not empty, and a path symbol of
 * the ticker grammar.
 */
@QuarkusTest
@WithTestResource(FakeIngestServer.class)
class RequestRulesTest extends GatewayTest {

    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/")
    URI root;

    private static final String BAR = """
            {"symbol": "NVDA", "date": "2025-10-29", "open": 1, "high": 1, "low": 1, "close": 1}""";

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n"})
    void twoJsonDocumentsInOneBodyAre400NamingTheBodyAndTheOffset(String between) {
        String first = "[" + BAR + "]";
        given().contentType(ContentType.JSON)
                .body(first + between + first)
                .when()
                .post("/api/v1/prices/bars")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", hasItem("body"))
                .body(
                        "detail",
                        containsString("trailing content after the JSON document at offset "
                                + (first.length() + between.length())));
        assertThat(fake.requests(IngestServiceGrpc.getIngestBarsMethod())).isEmpty();
    }

    @Test
    void aSecondDocumentAfterAnObjectBodyIsRefusedToo() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"Apple\", \"currency\": \"USD\", \"exchange\": \"NASDAQ\", \"kind\": \"EQUITY\"} {}")
                .when()
                .put("/api/v1/instruments/AAPL")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", hasItem("body"));
        assertThat(fake.requests(IngestServiceGrpc.getUpsertInstrumentMethod())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PUT  | /api/v1/instruments/AAPL | {\"name\": \"Apple\", \"currency\": \"USD\", \"exchange\": \"NASDAQ\","
                        + " \"kind\": \"EQUITY\", \"sharesOutstandng\": 5} | sharesOutstandng",
                "POST | /api/v1/baskets | {\"name\": \"B\", \"currency\": \"USD\", \"baseDate\": \"2025-10-29\","
                        + " \"weighting\": \"CUSTOM\", \"members\": [{\"symbol\": \"NVDA\", \"weight\": 0.5},"
                        + " {\"symbol\": \"MSFT\", \"weight\": 0.25}, {\"symbol\": \"AMD\", \"wieght\": 0.25}]}"
                        + " | members[2].wieght",
                "POST | /api/v1/corporate-actions | {\"symbol\": \"NVDA\", \"exDate\": \"2025-06-10\", \"kind\":"
                        + " \"SPLIT\", \"ratio\": 10, \"currency\": \"USD\"} | currency",
                "PUT  | /api/v1/exposure/entities/lab | {\"name\": \"Lab\", \"kind\": \"PRIVATE\", \"valuationUsd\": 1e9,"
                        + " \"valuationAsOf\": \"2025-06-30\", \"value\": {\"valueUsd\": 1e9}} | value",
                "POST | /api/v1/exposure/edges | {\"from\": \"a\", \"to\": \"b\", \"kind\": \"PURCHASE\", \"asOf\":"
                        + " \"2025-06-30\", \"validTo\": \"2026-01-01\"} | validTo",
                "POST | /api/v1/exposure/stress | {\"model\": \"DEBTRANK\", \"shocks\": [{\"entity\": \"openai\","
                        + " \"valueChange\": -0.5}], \"options\": {\"rule\": \"2015\", \"thta\": 0.9}} | options.thta"
            })
    void anUnknownMemberIs400NamingItsPathAsSent(String method, String route, String body, String member) {
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .request(method, route)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", contains(member))
                .body("detail", containsString(member + " is not a member of this object"));
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void anUnknownMemberOfARecordRejectsThatRecordAtItsIndex() {
        given().contentType(ContentType.JSON)
                .body("[" + BAR.replace("}", ", \"volumne\": 5}") + "]")
                .when()
                .post("/api/v1/prices/bars")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("rejected[0].index", equalTo(0))
                .body("rejected[0].field", equalTo("volumne"))
                .body(
                        "rejected[0].reason",
                        containsString("its members are close, date, high, low, open, symbol, volume"));
        assertThat(fake.requestCount()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/prices/bars, application/json", "/api/v1/prices/csv?symbol=NVDA, text/csv"})
    void aBodyWithoutContentTypeIs415NamingTheMediaType(String route, String mediaType) throws Exception {
        // java.net.http sends no Content-Type unless told to (REST Assured always sends one)
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(root + route.substring(1)))
                                .header("Authorization", TestTokens.shared().bearer("admin"))
                                .POST(HttpRequest.BodyPublishers.ofString("[" + BAR + "]"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        assertThat(answer.body()).contains("Content-Type is missing: send the body as " + mediaType);
        assertThat(fake.requests(IngestServiceGrpc.getIngestBarsMethod())).isEmpty();
        assertThat(fake.requests(IngestServiceGrpc.getImportCsvMethod())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "deflate, identity", "x-evil"})
    void aBodyWithAContentCodingIs415NamingIt(String coding) {
        // the gateway decodes no request body: a body labelled gzip is neither guessed plain nor unzipped
        given().header("Authorization", TestTokens.shared().bearer("admin"))
                .header("Content-Encoding", coding)
                .contentType(ContentType.JSON)
                .body("[" + BAR + "]")
                .when()
                .post("/api/v1/prices/bars")
                .then()
                .statusCode(415)
                .contentType(PROBLEM)
                .body("detail", containsString("Content-Encoding"));
        assertThat(fake.requests(IngestServiceGrpc.getIngestBarsMethod())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "/api/v1/prices/NVDA/ticks?pageSize=, pageSize",
        "/api/v1/prices/NVDA/ticks?from=, from",
        "/api/v1/prices/NVDA/bars?adjusted=%20, adjusted",
        "/api/v1/instruments?pageSize=&kind=EQUITY, pageSize"
    })
    void anEmptyParameterIs400NamingItNotTheDefault(String uri, String parameter) {
        given().urlEncodingEnabled(false)
                .when()
                .get(uri)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", hasItem(parameter))
                .body("detail", containsString("empty"));
        assertThat(fake.requests(IngestServiceGrpc.getGetTicksMethod())).isEmpty();
        assertThat(fake.requests(IngestServiceGrpc.getGetBarsMethod())).isEmpty();
        assertThat(fake.requests(IngestServiceGrpc.getListInstrumentsMethod())).isEmpty();
    }

    @Test
    void anEmptyPageTokenIsTheFirstPage() {
        fake.script(IngestServiceGrpc.getGetTicksMethod(), Answer.reply(GetTicksResponse.getDefaultInstance()));
        given().when().get("/api/v1/prices/NVDA/ticks?pageToken=").then().statusCode(200);
        assertThat(fake.requests(IngestServiceGrpc.getGetTicksMethod()).get(0).getPageToken())
                .isEmpty();
    }

    @Test
    void aParameterGivenTwiceIs400NamingIt() {
        given().when()
                .get("/api/v1/prices/NVDA/ticks?pageSize=5&pageSize=6")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", hasItem("pageSize"))
                .body("detail", containsString("given 2 times"));
        assertThat(fake.requests(IngestServiceGrpc.getGetTicksMethod())).isEmpty();
    }

    @Test
    void symbolsMayBeRepeatedButNotEmpty() {
        given().when()
                .get("/api/v1/prices/latest?symbols=NVDA,,MSFT")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", hasItem("symbols"))
                .body("detail", containsString("index 1"));
        fake.script(
                IngestServiceGrpc.getGetLatestPricesMethod(),
                Answer.reply(GetLatestPricesResponse.getDefaultInstance()));
        given().when()
                .get("/api/v1/prices/latest?symbols=NVDA&symbols=MSFT")
                .then()
                .statusCode(200);
        assertThat(fake.requests(IngestServiceGrpc.getGetLatestPricesMethod()))
                .singleElement()
                .satisfies(request -> assertThat(request.getSymbolsList()).containsExactly("NVDA", "MSFT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ticks", "minute-bars", "bars/revisions", "corporate-actions"})
    void everyRouteWithAPathSymbolRefusesAMalformedOneBeforeAnyCall(String route) {
        for (String symbol : new String[] {"NV%20DA", "%E2%82%AC", "A".repeat(33), "nvda*", "%3Cscript%3E"}) {
            given().urlEncodingEnabled(false)
                    .when()
                    .get("/api/v1/prices/" + symbol + "/" + route)
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("violations.field", hasItem("symbol"));
        }
        assertThat(fake.requests(IngestServiceGrpc.getGetTicksMethod())).isEmpty();
        assertThat(fake.requests(IngestServiceGrpc.getGetMinuteBarsMethod())).isEmpty();
        assertThat(fake.requests(IngestServiceGrpc.getListBarRevisionsMethod())).isEmpty();
        assertThat(fake.requests(IngestServiceGrpc.getListCorporateActionsMethod()))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/baskets/%s",
                "/api/v1/baskets/%s/performance",
                "/api/v1/exposure/entities/%s",
                "/api/v1/exposure/edges/%s/history"
            })
    void everyRouteWithAPathIdRefusesAMalformedOneBeforeAnyCall(String route) {
        // upper case, NUL, 65 characters, a double-encoded dot segment, overlong UTF-8 for '.'
        for (String id : new String[] {"Team-Google", "a%00b", "a".repeat(65), "%252e%252e", "%C0%AE"}) {
            given().urlEncodingEnabled(false)
                    .when()
                    .get(route.formatted(id))
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("violations.field", hasItem("id"));
        }
        assertThat(fake.requests(BasketServiceGrpc.getGetBasketMethod())).isEmpty();
        assertThat(fake.requests(BasketServiceGrpc.getGetPerformanceMethod())).isEmpty();
        assertThat(fake.requests(ExposureServiceGrpc.getGetEntityMethod())).isEmpty();
        assertThat(fake.requests(ExposureServiceGrpc.getListEdgeHistoryMethod()))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /api/v1/prices/../bars, symbol",
        "GET, /api/v1/prices/%2e%2E/ticks, symbol",
        "GET, /api/v1/instruments/., symbol",
        "GET, /api/v1/baskets/../performance, id",
        "GET, /api/v1/../../etc/passwd, path"
    })
    void aDotSegmentIs400NamingTheParameterItStandsIn(String method, String path, String parameter) {
        given().urlEncodingEnabled(false)
                .when()
                .request(method, path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", hasItem(parameter));
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=1899-12-31T23:59:59Z", "to=2101-01-01T00:00:00Z"})
    void ticksOutsideThePlatformDatesAre400(String bound) {
        given().when()
                .get("/api/v1/prices/NVDA/ticks?" + bound)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", hasItem(bound.substring(0, bound.indexOf('='))))
                .body("detail", containsString("1900-01-01"));
        assertThat(fake.requests(IngestServiceGrpc.getGetTicksMethod())).isEmpty();
    }
}
