package dev.capflow.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.capflow.gateway.fake.Answer;
import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.gateway.problem.Problem;
import dev.capflow.proto.common.v1.IngestReport;
import dev.capflow.proto.common.v1.Rejection;
import dev.capflow.proto.ingest.v1.BarRevision;
import dev.capflow.proto.ingest.v1.BarWriteMode;
import dev.capflow.proto.ingest.v1.CsvLayout;
import dev.capflow.proto.ingest.v1.DailyBar;
import dev.capflow.proto.ingest.v1.GetMinuteBarsRequest;
import dev.capflow.proto.ingest.v1.GetMinuteBarsResponse;
import dev.capflow.proto.ingest.v1.GetTicksRequest;
import dev.capflow.proto.ingest.v1.GetTicksResponse;
import dev.capflow.proto.ingest.v1.ImportCsvRequest;
import dev.capflow.proto.ingest.v1.ImportCsvResponse;
import dev.capflow.proto.ingest.v1.IngestBarsResponse;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.IngestTicksRequest;
import dev.capflow.proto.ingest.v1.IngestTicksResponse;
import dev.capflow.proto.ingest.v1.ListBarRevisionsRequest;
import dev.capflow.proto.ingest.v1.ListBarRevisionsResponse;
import dev.capflow.proto.ingest.v1.MinuteBar;
import dev.capflow.proto.ingest.v1.Tick;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FakeIngestServer.class)
class PriceIngestRoutesTest extends GatewayTest {

    private static final String GOOD_BAR_0 = """
            {"symbol": "NVDA", "date": "2025-10-29", "open": 207.98, "high": 212.19, "low": 205.51, "close": 207.04,
             "volume": 308829700}""";
    private static final String GOOD_BAR_2 = """
            {"symbol": "NVDA", "date": "2025-10-30", "open": 205.0, "high": 206.0, "low": 201.2, "close": 202.89}""";
    private static final String GOOD_BAR_5 = """
            {"symbol": "MSFT", "date": "2025-10-29", "open": 1, "high": 2, "low": 0.5, "close": 1.5, "volume": 7}""";

    @Test
    void barsOfAMixedArrayAreSentAloneAndTheReportPointsAtOriginalPositions() {
        String body = "[" + String.join(",", GOOD_BAR_0, """
                        {"symbol": "NVDA", "date": "2025-10-31", "open": "NaN", "high": 1, "low": 1, "close": 1}""", GOOD_BAR_2, """
                        {"symbol": "NVDA", "date": "2025-11-03", "open": 1, "high": 1, "low": 1}""", "42", GOOD_BAR_5, """
                        {"symbol": "NVDA", "date": "2025-13-01", "open": 1, "high": 1, "low": 1, "close": 1}""", """
                        {"symbol": "NVDA", "date": "2025-11-04", "open": 1, "high": 1, "low": 1, "close": 1,
                         "volume": 1.5}""") + "]";
        // The service sees 3 bars; its index 1 is the element at position 2 of the request.
        fake.script(
                IngestServiceGrpc.getIngestBarsMethod(),
                Answer.reply(IngestBarsResponse.newBuilder()
                        .setReport(IngestReport.newBuilder()
                                .setAccepted(1)
                                .setDuplicates(1)
                                .addRejected(Rejection.newBuilder()
                                        .setIndex(1)
                                        .setField("high")
                                        .setReason("must be at least low")))
                        .build()));

        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/prices/bars")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("accepted", equalTo(1))
                .body("duplicates", equalTo(1))
                .body("skipped", equalTo(0))
                .body("rejected.index", contains(1, 2, 3, 4, 6, 7))
                .body("rejected.field", contains("open", "high", "close", "record", "date", "volume"))
                .body(
                        "rejected.reason",
                        contains(
                                "must be a finite number",
                                "must be at least low",
                                "is required",
                                "must be a JSON object",
                                "must be an ISO-8601 date such as 2025-10-29",
                                "must be a whole number from -9223372036854775808 to 9223372036854775807"))
                .body("rejected[0]", not(hasKey("row")));

        List<DailyBar> sent =
                fake.requests(IngestServiceGrpc.getIngestBarsMethod()).get(0).getBarsList();
        assertThat(sent)
                .extracting(DailyBar::getDate, DailyBar::getSymbol)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2025-10-29", "NVDA"),
                        org.assertj.core.groups.Tuple.tuple("2025-10-30", "NVDA"),
                        org.assertj.core.groups.Tuple.tuple("2025-10-29", "MSFT"));
        assertThat(sent.get(0))
                .isEqualTo(DailyBar.newBuilder()
                        .setSymbol("NVDA")
                        .setDate("2025-10-29")
                        .setOpen(207.98)
                        .setHigh(212.19)
                        .setLow(205.51)
                        .setClose(207.04)
                        .setVolume(308_829_700L)
                        .build());
        assertThat(sent.get(1).getVolume()).as("absent volume").isZero();
    }

    @Test
    void barsAllRejectedByTheGatewayAnswer422WithTheReportAndNeverReachIngest() {
        given().contentType(ContentType.JSON)
                .body("""
                        [{"symbol": "NVDA", "date": "2025-10-29", "open": 1, "high": 1, "low": 1},
                         {"symbol": "", "date": "2025-10-29", "open": 1, "high": 1, "low": 1, "close": 1}]""")
                .when()
                .post("/api/v1/prices/bars")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:capflow:problem:records-rejected"))
                .body("status", equalTo(422))
                .body("instance", equalTo("/api/v1/prices/bars"))
                .body("accepted", equalTo(0))
                .body("duplicates", equalTo(0))
                .body("rejected.index", contains(0, 1))
                .body("rejected.field", contains("close", "symbol"));

        assertThat(fake.requests(IngestServiceGrpc.getIngestBarsMethod())).isEmpty();
    }

    @Test
    void barsAllRejectedByIngestAnswer422() {
        fake.script(
                IngestServiceGrpc.getIngestBarsMethod(),
                Answer.reply(IngestBarsResponse.newBuilder()
                        .setReport(IngestReport.newBuilder()
                                .addRejected(Rejection.newBuilder()
                                        .setIndex(0)
                                        .setField("symbol")
                                        .setReason("unknown symbol")))
                        .build()));

        given().contentType(ContentType.JSON)
                .body("[" + GOOD_BAR_0 + "]")
                .when()
                .post("/api/v1/prices/bars")
                .then()
                .statusCode(422)
                .body("rejected[0].index", equalTo(0))
                .body("rejected[0].reason", equalTo("unknown symbol"));
    }

    @Test
    void anEmptyArrayStoresNothingAndAnswersAnEmptyReport() {
        given().contentType(ContentType.JSON)
                .body("[]")
                .when()
                .post("/api/v1/prices/bars")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(0))
                .body("rejected", hasSize(0));

        assertThat(fake.requests(IngestServiceGrpc.getIngestBarsMethod())).isEmpty();
    }

    @Test
    void aBodyThatIsNotAnArrayIs400NamingTheBody() {
        given().contentType(ContentType.JSON)
                .body(GOOD_BAR_0)
                .when()
                .post("/api/v1/prices/bars")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"))
                .body("violations[0].reason", equalTo("must be a JSON array of records"));
    }

    @Test
    void malformedJsonIs400WithItsPosition() {
        given().contentType(ContentType.JSON)
                .body("[{\"symbol\": \"NVDA\",")
                .when()
                .post("/api/v1/prices/bars")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"))
                .body("detail", org.hamcrest.Matchers.startsWith("body is not valid JSON"));
    }

    /** ingest-service's answer to the next IngestBars: one bar replaced. */
    private void answerOneReplaced() {
        fake.script(
                IngestServiceGrpc.getIngestBarsMethod(),
                Answer.reply(IngestBarsResponse.newBuilder()
                        .setReport(IngestReport.newBuilder().setReplaced(1))
                        .build()));
    }

    @Test
    void aCorrectionIsSentInReplaceModeAndItsReplacedCountComesBack() {
        answerOneReplaced();

        given().contentType(ContentType.JSON)
                .body("[" + GOOD_BAR_0 + "]")
                .when()
                .post("/api/v1/prices/bars?mode=replace")
                .then()
                .statusCode(200)
                .body("replaced", equalTo(1))
                .body("accepted", equalTo(0));
        assertThat(fake.requests(IngestServiceGrpc.getIngestBarsMethod()).get(0).getMode())
                .isEqualTo(BarWriteMode.BAR_WRITE_MODE_REPLACE);

        given().contentType(ContentType.JSON)
                .body("[" + GOOD_BAR_0 + "]")
                .when()
                .post("/api/v1/prices/bars?mode=overwrite")
                .then()
                .statusCode(400)
                .body("violations.field", contains("mode"));
    }

    @Test
    void aCorrectionWithoutAVolumeIsRejectedAtItsIndexSoThatItCannotZeroTheStoredOne() {
        answerOneReplaced();

        given().contentType(ContentType.JSON)
                .body("[" + GOOD_BAR_2 + "," + GOOD_BAR_0 + "]")
                .when()
                .post("/api/v1/prices/bars?mode=replace")
                .then()
                .statusCode(200)
                .body("replaced", equalTo(1))
                .body("rejected.index", contains(0))
                .body("rejected.field", contains("volume"))
                .body("rejected[0].reason", containsString("required in a correction"));
        assertThat(fake.requests(IngestServiceGrpc.getIngestBarsMethod()).get(0).getBarsList())
                .extracting(DailyBar::getDate)
                .containsExactly("2025-10-29");
    }

    @Test
    void replacedVersionsAreListedWithTheirTimes() {
        fake.script(
                IngestServiceGrpc.getListBarRevisionsMethod(),
                Answer.reply(ListBarRevisionsResponse.newBuilder()
                        .addRevisions(BarRevision.newBuilder()
                                .setBar(DailyBar.newBuilder()
                                        .setSymbol("NVDA")
                                        .setDate("2025-10-29")
                                        .setOpen(1)
                                        .setHigh(2)
                                        .setLow(0.5)
                                        .setClose(1.5)
                                        .setVolume(7))
                                .setStoredAt(com.google.protobuf.Timestamp.newBuilder()
                                        .setSeconds(1_761_748_200L))
                                .setReplacedAt(com.google.protobuf.Timestamp.newBuilder()
                                        .setSeconds(1_761_748_260L)))
                        .build()));

        given().when()
                .get("/api/v1/prices/NVDA/bars/revisions?from=2025-10-01&to=2025-10-31")
                .then()
                .statusCode(200)
                .body("bar.close", contains(1.5f))
                .body("storedAt", contains("2025-10-29T14:30:00Z"))
                .body("replacedAt", contains("2025-10-29T14:31:00Z"));
        assertThat(fake.requests(IngestServiceGrpc.getListBarRevisionsMethod()).get(0))
                .extracting(
                        ListBarRevisionsRequest::getSymbol,
                        ListBarRevisionsRequest::getFrom,
                        ListBarRevisionsRequest::getTo)
                .containsExactly("NVDA", "2025-10-01", "2025-10-31");
    }

    @Test
    void tickHistoryIsReadInPagesAndABadTokenOrRangeIsA400NamingTheParameter() {
        fake.script(
                IngestServiceGrpc.getGetTicksMethod(),
                Answer.reply(GetTicksResponse.newBuilder()
                        .addTicks(Tick.newBuilder()
                                .setSymbol("NVDA")
                                .setPrice(207.5)
                                .setSize(100)
                                .setSource("nasdaq")
                                .setTradeId("7731")
                                .setTs(com.google.protobuf.Timestamp.newBuilder()
                                        .setSeconds(1_761_748_200L)
                                        .setNanos(250_000)))
                        .setNextPageToken("next-page")
                        .build()),
                Answer.invalidField("page_token", "not a page token"));

        given().when()
                .get("/api/v1/prices/NVDA/ticks?from=2025-10-29T14:00:00Z&to=2025-10-29T15:00:00Z&pageSize=1")
                .then()
                .statusCode(200)
                .body("ticks.ts", contains("2025-10-29T14:30:00.000250Z"))
                .body("ticks.price", contains(207.5f))
                .body("ticks.tradeId", contains("7731"))
                .body("nextPageToken", equalTo("next-page"));
        GetTicksRequest first =
                fake.requests(IngestServiceGrpc.getGetTicksMethod()).get(0);
        assertThat(first.getSymbol()).isEqualTo("NVDA");
        assertThat(first.getFrom().getSeconds()).isEqualTo(1_761_746_400L);
        assertThat(first.getTo().getSeconds()).isEqualTo(1_761_750_000L);
        assertThat(first.getPageSize()).isEqualTo(1);
        assertThat(first.getPageToken()).isEmpty();

        given().when()
                .get("/api/v1/prices/NVDA/ticks?pageToken=forged")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("violations.field", contains("pageToken"));
        assertThat(fake.requests(IngestServiceGrpc.getGetTicksMethod()).get(1).getPageToken())
                .isEqualTo("forged");

        given().when()
                .get("/api/v1/prices/NVDA/ticks?from=2025-10-29T15:00:00Z&to=2025-10-29T14:00:00Z&pageSize=10001")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("violations.field", contains("from", "pageSize"));
        given().when()
                .get("/api/v1/prices/NVDA/ticks?from=yesterday")
                .then()
                .statusCode(400)
                .body("violations.field", contains("from"));
        assertThat(fake.requests(IngestServiceGrpc.getGetTicksMethod()))
                .as("bad input never reaches ingest-service")
                .hasSize(2);
    }

    @Test
    void minuteBarsAreReadInPagesAndABadTokenOrRangeIsA400NamingTheParameter() {
        fake.script(
                IngestServiceGrpc.getGetMinuteBarsMethod(),
                Answer.reply(GetMinuteBarsResponse.newBuilder()
                        .addBars(MinuteBar.newBuilder()
                                .setSymbol("NVDA")
                                .setOpen(207.5)
                                .setHigh(208)
                                .setLow(207)
                                .setClose(207.25)
                                .setVolume(1200)
                                .setTickCount(17)
                                .setMinute(com.google.protobuf.Timestamp.newBuilder()
                                        .setSeconds(1_761_748_200L)))
                        .setNextPageToken("next-page")
                        .build()),
                Answer.invalidField("page_token", "not a page token"));

        given().when()
                .get("/api/v1/prices/NVDA/minute-bars?from=2025-10-29T14:00:00Z&to=2025-10-29T15:00:00Z&pageSize=1")
                .then()
                .statusCode(200)
                .body("bars.minute", contains("2025-10-29T14:30:00Z"))
                .body("bars.open", contains(207.5f))
                .body("bars.high", contains(208.0f))
                .body("bars.low", contains(207.0f))
                .body("bars.close", contains(207.25f))
                .body("bars.volume", contains(1200))
                .body("bars.tickCount", contains(17))
                .body("nextPageToken", equalTo("next-page"));
        GetMinuteBarsRequest first =
                fake.requests(IngestServiceGrpc.getGetMinuteBarsMethod()).get(0);
        assertThat(first.getSymbol()).isEqualTo("NVDA");
        assertThat(first.getFrom().getSeconds()).isEqualTo(1_761_746_400L);
        assertThat(first.getTo().getSeconds()).isEqualTo(1_761_750_000L);
        assertThat(first.getPageSize()).isEqualTo(1);

        given().when()
                .get("/api/v1/prices/NVDA/minute-bars?pageToken=forged")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("violations.field", contains("pageToken"));
        given().when()
                .get("/api/v1/prices/NVDA/minute-bars?from=2025-10-29T15:00:00Z&to=2025-10-29T14:00:00Z&pageSize=0")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("violations.field", contains("from", "pageSize"));
        given().when()
                .get("/api/v1/prices/NVDA/minute-bars?form=2025-10-29T15:00:00Z")
                .then()
                .statusCode(400)
                .body("violations.field", contains("form"));
        assertThat(fake.requests(IngestServiceGrpc.getGetMinuteBarsMethod()))
                .as("bad input never reaches ingest-service")
                .hasSize(2);
    }

    @Test
    void ticksGoAsOneBatchWithSequenceZeroAndTheAckIsRemapped() {
        fake.script(
                IngestServiceGrpc.getIngestTicksMethod(),
                Answer.reply(IngestTicksResponse.newBuilder()
                        .setSequence(0)
                        .setReport(IngestReport.newBuilder()
                                .setAccepted(1)
                                .setDuplicates(0)
                                .addRejected(Rejection.newBuilder()
                                        .setIndex(1)
                                        .setField("price")
                                        .setReason("must be positive")))
                        .build()));

        given().contentType(ContentType.JSON)
                .body("""
                        [{"symbol": "NVDA", "ts": "2025-10-29T14:30:00.250Z", "price": 207.5, "size": 100,
                          "source": "nasdaq", "tradeId": "7731"},
                         {"symbol": "NVDA", "ts": "yesterday", "price": 207.6},
                         {"symbol": "NVDA", "ts": "2025-10-29T16:30:01+02:00", "price": -1}]""")
                .when()
                .post("/api/v1/prices/ticks")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected.index", contains(1, 2))
                .body("rejected.field", contains("ts", "price"));

        List<IngestTicksRequest> batches = fake.requests(IngestServiceGrpc.getIngestTicksMethod());
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).getSequence()).isZero();
        List<Tick> ticks = batches.get(0).getTicksList();
        assertThat(ticks).hasSize(2);
        assertThat(ticks.get(0).getTs().getSeconds()).isEqualTo(1_761_748_200L);
        assertThat(ticks.get(0).getTs().getNanos()).isEqualTo(250_000_000);
        assertThat(ticks.get(0).getSize()).isEqualTo(100);
        assertThat(ticks.get(0).getSource()).isEqualTo("nasdaq");
        assertThat(ticks.get(0).getTradeId()).isEqualTo("7731");
        assertThat(ticks.get(1).getSource()).as("absent identity").isEmpty();
        assertThat(ticks.get(1).getTs().getSeconds())
                .as("offset converted to UTC")
                .isEqualTo(1_761_748_201L);
        assertThat(ticks.get(1).getSize()).as("absent size").isZero();
        assertThat(ticks.get(1).getPrice()).isEqualTo(-1.0);
    }

    @Test
    void csvIsImportedAndTheFinalReportCarriesLayoutRowsAndRowNumbers() {
        String csv = """
                Date,Open,High,Low,Close,Adj Close,Volume
                2025-10-29,207.98,212.19,205.51,207.04,207.04,308829700
                2025-10-30,null,null,null,null,null,null
                2025-10-31,abc,1,1,1,1,1
                """;
        IngestReport progress = IngestReport.newBuilder().setAccepted(1).build();
        fake.script(
                IngestServiceGrpc.getImportCsvMethod(),
                Answer.reply(
                        ImportCsvResponse.newBuilder()
                                .setRowsProcessed(1)
                                .setRowsTotal(3)
                                .setReport(progress)
                                .setLayout(CsvLayout.CSV_LAYOUT_YAHOO)
                                .build(),
                        ImportCsvResponse.newBuilder()
                                .setRowsProcessed(3)
                                .setRowsTotal(3)
                                .setDone(true)
                                .setLayout(CsvLayout.CSV_LAYOUT_YAHOO)
                                .setReport(IngestReport.newBuilder()
                                        .setAccepted(1)
                                        .setSkipped(1)
                                        .addRejected(Rejection.newBuilder()
                                                .setIndex(-1)
                                                .setRow(4)
                                                .setField("open")
                                                .setReason("not a number")))
                                .setRejectedCount(1)
                                .build()));

        given().contentType("text/csv")
                .queryParam("symbol", "NVDA")
                .body(csv)
                .when()
                .post("/api/v1/prices/csv")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("symbol", equalTo("NVDA"))
                .body("layout", equalTo("YAHOO"))
                .body("rowsTotal", equalTo(3))
                .body("accepted", equalTo(1))
                .body("skipped", equalTo(1))
                .body("rejected[0].row", equalTo(4))
                .body("rejected[0].field", equalTo("open"))
                .body("rejected[0]", not(hasKey("index")))
                .body("rejectedCount", equalTo(1))
                .body("rejectionsOmitted", equalTo(0));

        ImportCsvRequest sent =
                fake.requests(IngestServiceGrpc.getImportCsvMethod()).get(0);
        assertThat(sent.getSymbol()).isEqualTo("NVDA");
        assertThat(sent.getContent().toString(StandardCharsets.UTF_8)).isEqualTo(csv);
        assertThat(sent.getLayout()).isEqualTo(CsvLayout.CSV_LAYOUT_UNSPECIFIED);
    }

    @Test
    void csvWithEveryRowRejectedIs422WithLayoutAndRowsTotal() {
        fake.script(
                IngestServiceGrpc.getImportCsvMethod(),
                Answer.reply(ImportCsvResponse.newBuilder()
                        .setRowsProcessed(1)
                        .setRowsTotal(1)
                        .setDone(true)
                        .setLayout(CsvLayout.CSV_LAYOUT_STOOQ)
                        .setReport(IngestReport.newBuilder()
                                .addRejected(Rejection.newBuilder()
                                        .setIndex(-1)
                                        .setRow(2)
                                        .setField("date")
                                        .setReason("not a date")))
                        .setRejectedCount(1)
                        .build()));

        given().contentType("text/csv")
                .queryParam("symbol", "NVDA")
                .body("Date,Open,High,Low,Close,Volume\n29/10/2025,1,1,1,1,1\n")
                .when()
                .post("/api/v1/prices/csv")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("layout", equalTo("STOOQ"))
                .body("rowsTotal", equalTo(1))
                .body("rejected[0].row", equalTo(2));
    }

    @Test
    void csvRejectionsBeyondTheDetailCapAreCountedAndDecideThe422() {
        fake.script(IngestServiceGrpc.getImportCsvMethod(), Answer.reply(finalCsvReport(0, 1_000, 1_500)));

        given().contentType("text/csv")
                .queryParam("symbol", "NVDA")
                .body("Date,Open,High,Low,Close,Volume\n")
                .when()
                .post("/api/v1/prices/csv")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", equalTo("all 1500 records were rejected; see rejected for the reasons"))
                .body("rejected.size()", equalTo(1_000))
                .body("rejectedCount", equalTo(1_500))
                .body("rejectionsOmitted", equalTo(500));
    }

    @Test
    void csvWithOneGoodRowAmongRejectionsBeyondTheCapIs200WithTheTrueCount() {
        fake.script(IngestServiceGrpc.getImportCsvMethod(), Answer.reply(finalCsvReport(1, 1_000, 1_500)));

        given().contentType("text/csv")
                .queryParam("symbol", "NVDA")
                .body("Date,Open,High,Low,Close,Volume\n")
                .when()
                .post("/api/v1/prices/csv")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected.size()", equalTo(1_000))
                .body("rejectedCount", equalTo(1_500))
                .body("rejectionsOmitted", equalTo(500));
    }

    @Test
    void csvWhoseRejectionsAreAllOmittedIsStill422() {
        // csv-max-rejections=0: nothing detailed, every row counted
        fake.script(IngestServiceGrpc.getImportCsvMethod(), Answer.reply(finalCsvReport(0, 0, 3)));

        given().contentType("text/csv")
                .queryParam("symbol", "NVDA")
                .body("Date,Open,High,Low,Close,Volume\n")
                .when()
                .post("/api/v1/prices/csv")
                .then()
                .statusCode(422)
                .body("detail", equalTo("all 3 records were rejected; see rejected for the reasons"))
                .body("rejected.size()", equalTo(0))
                .body("rejectedCount", equalTo(3));
    }

    /** The last message of an import of {@code accepted + rejectedCount} rows, {@code detailed} rejections listed. */
    private static ImportCsvResponse finalCsvReport(int accepted, int detailed, int rejectedCount) {
        IngestReport.Builder report = IngestReport.newBuilder().setAccepted(accepted);
        for (int row = 2; row < 2 + detailed; row++) {
            report.addRejected(Rejection.newBuilder()
                    .setIndex(-1)
                    .setRow(row)
                    .setField("date")
                    .setReason("not a date"));
        }
        return ImportCsvResponse.newBuilder()
                .setRowsProcessed(accepted + rejectedCount)
                .setRowsTotal(accepted + rejectedCount)
                .setDone(true)
                .setLayout(CsvLayout.CSV_LAYOUT_STOOQ)
                .setReport(report)
                .setRejectedCount(rejectedCount)
                .setRejectionsOmitted(rejectedCount - detailed)
                .build();
    }

    @Test
    void csvWithoutSymbolIs400NamingIt() {
        given().contentType("text/csv")
                .body("Date,Open,High,Low,Close,Volume\n")
                .when()
                .post("/api/v1/prices/csv")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("symbol"));

        assertThat(fake.requests(IngestServiceGrpc.getImportCsvMethod())).isEmpty();
    }
}
