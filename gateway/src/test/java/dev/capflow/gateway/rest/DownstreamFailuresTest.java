package dev.capflow.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.capflow.gateway.client.IngestClient;
import dev.capflow.gateway.fake.Answer;
import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.proto.common.v1.IngestReport;
import dev.capflow.proto.ingest.v1.GetBarsResponse;
import dev.capflow.proto.ingest.v1.ImportCsvResponse;
import dev.capflow.proto.ingest.v1.IngestBarsResponse;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.ListCorporateActionsResponse;
import io.grpc.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How failures of ingest-service reach the client: status mapping, deadlines, retries and the circuit breaker. */
@QuarkusTest
@TestProfile(ShortDeadlinesProfile.class)
@WithTestResource(FakeIngestServer.class)
class DownstreamFailuresTest extends GatewayTest {

    private static final String ONE_BAR = """
            [{"symbol": "NVDA", "date": "2025-10-29", "open": 1, "high": 1, "low": 1, "close": 1}]""";
    private static final String INSTRUMENT = """
            {"name": "NVIDIA", "currency": "USD", "exchange": "NASDAQ", "kind": "EQUITY"}""";

    @ParameterizedTest
    @CsvSource({
        "INVALID_ARGUMENT, 400, urn:capflow:problem:invalid-request",
        "NOT_FOUND, 404, urn:capflow:problem:not-found",
        "ALREADY_EXISTS, 409, urn:capflow:problem:conflict",
        "ABORTED, 409, urn:capflow:problem:conflict",
        "FAILED_PRECONDITION, 409, urn:capflow:problem:conflict",
        "RESOURCE_EXHAUSTED, 413, urn:capflow:problem:payload-too-large",
        "UNAVAILABLE, 503, urn:capflow:problem:upstream-unavailable",
        "DEADLINE_EXCEEDED, 504, urn:capflow:problem:upstream-timeout",
        "INTERNAL, 502, urn:capflow:problem:upstream-failure",
        "UNKNOWN, 502, urn:capflow:problem:upstream-failure",
        "PERMISSION_DENIED, 502, urn:capflow:problem:upstream-failure"
    })
    void eachGrpcStatusMapsToItsHttpStatusAsProblemJson(Status.Code code, int httpStatus, String type) {
        fake.script(
                IngestServiceGrpc.getUpsertInstrumentMethod(),
                Answer.fail(Status.fromCode(code).withDescription("secret internals of " + code)));

        var response = given().contentType(ContentType.JSON)
                .body(INSTRUMENT)
                .when()
                .put("/api/v1/instruments/NVDA")
                .then()
                .statusCode(httpStatus)
                .contentType("application/problem+json")
                .body("type", equalTo(type))
                .body("status", equalTo(httpStatus))
                .body("instance", equalTo("/api/v1/instruments/NVDA"));
        if (httpStatus >= 500) {
            response.body("detail", equalTo("the downstream service answered " + code))
                    .body(not(containsString("secret")));
        } else {
            response.body("detail", equalTo("secret internals of " + code));
        }
    }

    @Test
    void aReadSlowerThanItsDeadlineIs504WithinAboutTheDeadline() {
        fake.script(
                IngestServiceGrpc.getGetBarsMethod(),
                Answer.reply(GetBarsResponse.newBuilder().setSymbol("NVDA").build())
                        .after(Duration.ofSeconds(4)));

        long started = System.nanoTime();
        given().when()
                .get("/api/v1/prices/NVDA/bars")
                .then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:capflow:problem:upstream-timeout"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // this profile's read deadline is 1s, DEADLINE_EXCEEDED is not retried, and the fake would answer only after
        // 4s: the
        // 504 is the deadline the call carried (how long past it the answer came is the machine's load, not asserted)
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(fake.longestTimeLeft(IngestServiceGrpc.getGetBarsMethod()))
                .isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(fake.requests(IngestServiceGrpc.getGetBarsMethod())).hasSize(1);
    }

    @Test
    void aCsvImportStreamSlowerThanTheWriteDeadlineIs504() {
        fake.script(
                IngestServiceGrpc.getImportCsvMethod(),
                Answer.reply(ImportCsvResponse.newBuilder().setDone(true).build())
                        .after(Duration.ofSeconds(5)));

        long started = System.nanoTime();
        given().contentType("text/csv")
                .queryParam("symbol", "NVDA")
                .body("Date,Open,High,Low,Close,Volume\n")
                .when()
                .post("/api/v1/prices/csv")
                .then()
                .statusCode(504);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // this profile's write deadline is 2s, the deadline the stream carried; the fake would answer only after 5s.
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(fake.longestTimeLeft(IngestServiceGrpc.getImportCsvMethod()))
                .isLessThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aReadIsRetriedAfterUnavailable() {
        fake.script(
                IngestServiceGrpc.getGetBarsMethod(),
                Answer.fail(Status.UNAVAILABLE),
                Answer.reply(GetBarsResponse.newBuilder().setSymbol("NVDA").build()));

        given().when().get("/api/v1/prices/NVDA/bars").then().statusCode(200).body("symbol", equalTo("NVDA"));

        assertThat(fake.requests(IngestServiceGrpc.getGetBarsMethod())).hasSize(2);
    }

    @Test
    void aReadGivesUpAfterTheConfiguredRetries() {
        fake.script(
                IngestServiceGrpc.getListCorporateActionsMethod(),
                Answer.fail(Status.UNAVAILABLE),
                Answer.fail(Status.UNAVAILABLE),
                Answer.fail(Status.UNAVAILABLE),
                Answer.reply(ListCorporateActionsResponse.getDefaultInstance()));

        given().when().get("/api/v1/prices/NVDA/corporate-actions").then().statusCode(503);

        assertThat(fake.requests(IngestServiceGrpc.getListCorporateActionsMethod()))
                .as("1 call + 2 retries")
                .hasSize(3);
    }

    @Test
    void aReadIsNotRetriedAfterAnAnswerAboutTheRequest() {
        fake.script(
                IngestServiceGrpc.getGetBarsMethod(),
                Answer.fail(Status.NOT_FOUND.withDescription("unknown symbol XYZ")),
                Answer.reply(GetBarsResponse.getDefaultInstance()));

        given().when()
                .get("/api/v1/prices/XYZ/bars")
                .then()
                .statusCode(404)
                .body("detail", equalTo("unknown symbol XYZ"));

        assertThat(fake.requests(IngestServiceGrpc.getGetBarsMethod())).hasSize(1);
    }

    @Test
    void aWriteIsNeverRetried() {
        fake.script(
                IngestServiceGrpc.getIngestBarsMethod(),
                Answer.fail(Status.UNAVAILABLE),
                Answer.reply(IngestBarsResponse.newBuilder()
                        .setReport(IngestReport.newBuilder().setAccepted(1))
                        .build()));

        given().contentType(ContentType.JSON)
                .body(ONE_BAR)
                .when()
                .post("/api/v1/prices/bars")
                .then()
                .statusCode(503)
                .contentType("application/problem+json");

        assertThat(fake.requests(IngestServiceGrpc.getIngestBarsMethod())).hasSize(1);
    }

    @Test
    void theBreakerIgnoresAnswersAboutTheRequestButOpensOnServiceFailures() {
        for (int i = 0; i < 6; i++) {
            fake.script(IngestServiceGrpc.getListCorporateActionsMethod(), Answer.fail(Status.NOT_FOUND));
            given().when().get("/api/v1/prices/XYZ/corporate-actions").then().statusCode(404);
        }
        assertThat(fake.requests(IngestServiceGrpc.getListCorporateActionsMethod()))
                .hasSize(6);
        assertThat(breakers.currentState(IngestClient.BREAKER)).isEqualTo(CircuitBreakerState.CLOSED);

        // %test window is 4 calls at a 0.5 failure ratio: the 404s count as successes, so 2 failures open it.
        for (int i = 0; i < 2; i++) {
            fake.script(IngestServiceGrpc.getIngestBarsMethod(), Answer.fail(Status.UNAVAILABLE));
            given().contentType(ContentType.JSON)
                    .body(ONE_BAR)
                    .when()
                    .post("/api/v1/prices/bars")
                    .then()
                    .statusCode(503);
        }
        assertThat(breakers.currentState(IngestClient.BREAKER)).isEqualTo(CircuitBreakerState.OPEN);

        given().contentType(ContentType.JSON)
                .body(ONE_BAR)
                .when()
                .post("/api/v1/prices/bars")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:capflow:problem:upstream-unavailable"))
                .body("detail", containsString("paused"));
        assertThat(fake.requests(IngestServiceGrpc.getIngestBarsMethod()))
                .as("the open breaker stopped the 3rd call")
                .hasSize(2);
    }
}
