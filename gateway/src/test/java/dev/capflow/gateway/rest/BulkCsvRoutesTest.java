package dev.capflow.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.capflow.gateway.fake.Answer;
import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.proto.common.v1.IngestReport;
import dev.capflow.proto.common.v1.Rejection;
import dev.capflow.proto.ingest.v1.BarWriteMode;
import dev.capflow.proto.ingest.v1.DailyBar;
import dev.capflow.proto.ingest.v1.ImportBarsRequest;
import dev.capflow.proto.ingest.v1.ImportBarsResponse;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import io.grpc.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST /prices/bulk-csv against a fake ingest-service; the test profile cuts chunks of two bars. */
@QuarkusTest
@WithTestResource(FakeIngestServer.class)
class BulkCsvRoutesTest extends GatewayTest {

    @Test
    void rowsOfManySymbolsAreSentInChunksAndEveryRejectionNamesItsLineAndColumn() {
        String csv = """
                Symbol,Date,Open,High,Low,Close,Adj Close,Volume
                NVDA,2025-10-29,207.98,212.19,205.51,207.04,207.04,308829700
                AAPL,2025-10-29,269.28,271.41,267.11,269.70,269.70,51086700
                AAPL,2025-10-30,271.99,274.14,268.48,abc,1,69886500

                NOPE,2025-10-30,1,2,0.5,1.5,1.5,10
                MSFT,2025-10-30,null,null,null,null,null,null
                MSFT,2025-10-31,500
                MSFT,2025-11-03,510,515,505,512,512,1.5
                MSFT,2025-11-04,511,516,506,513,513,20
                """;
        // a chunk is two data lines: the lines the gateway refuses are not sent, so chunks carry fewer bars
        fake.script(
                IngestServiceGrpc.getImportBarsMethod(),
                Answer.reply(ack(0, IngestReport.newBuilder().setAccepted(2).build())),
                Answer.reply(ack(
                        1,
                        IngestReport.newBuilder()
                                .addRejected(Rejection.newBuilder()
                                        .setIndex(0)
                                        .setSymbol("NOPE")
                                        .setField("symbol")
                                        .setReason(
                                                "unknown symbol NOPE (register the instrument first: UpsertInstrument, or PUT"
                                                        + " /api/v1/instruments/NOPE at the gateway)"))
                                .build())),
                Answer.reply(ack(2, IngestReport.newBuilder().setAccepted(1).build())));

        given().contentType("text/csv")
                .queryParam("mode", "replace")
                .body(csv)
                .when()
                .post("/api/v1/prices/bulk-csv")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("rowsTotal", equalTo(8))
                .body("accepted", equalTo(3))
                .body("skipped", equalTo(1))
                .body("rejectedCount", equalTo(4))
                .body("rejectionsOmitted", equalTo(0))
                .body("rejected.row", contains(4, 6, 8, 9))
                .body("rejected.field", contains("close", "symbol", "record", "volume"))
                .body("rejected[0].reason", containsString("abc"))
                .body("rejected[2].reason", equalTo("expected 8 columns, got 3"));

        List<ImportBarsRequest> chunks = fake.requests(IngestServiceGrpc.getImportBarsMethod());
        assertThat(chunks).extracting(ImportBarsRequest::getSequence).containsExactly(0L, 1L, 2L);
        assertThat(chunks).extracting(ImportBarsRequest::getMode).containsOnly(BarWriteMode.BAR_WRITE_MODE_REPLACE);
        assertThat(chunks.get(0).getBarsList()).extracting(DailyBar::getSymbol).containsExactly("NVDA", "AAPL");
        assertThat(chunks.get(1).getBarsList()).extracting(DailyBar::getSymbol).containsExactly("NOPE");
        assertThat(chunks.get(2).getBarsList())
                .extracting(DailyBar::getSymbol, DailyBar::getDate, DailyBar::getClose)
                .containsExactly(tuple("MSFT", "2025-11-04", 513.0));
    }

    @Test
    void onlyTheFirstRejectionsByLineAreDetailedAndTheRestCounted() {
        StringBuilder csv = new StringBuilder("symbol,date,open,high,low,close,volume\n");
        for (int i = 0; i < 1_005; i++) {
            csv.append("NVDA,2025-10-29,x,1,1,1,1\n");
        }

        given().contentType("text/csv")
                .body(csv.toString())
                .when()
                .post("/api/v1/prices/bulk-csv")
                .then()
                .statusCode(422)
                .body("rejectedCount", equalTo(1_005))
                .body("rejectionsOmitted", equalTo(5))
                .body("rejected.size()", equalTo(1_000))
                .body("rejected[0].row", equalTo(2))
                .body("rejected[999].row", equalTo(1_001));
        assertThat(fake.requests(IngestServiceGrpc.getImportBarsMethod())).isEmpty();
    }

    @Test
    void aHeaderWithoutTheNeededColumnsIsA400NamingTheBody() {
        given().contentType("text/csv")
                .body("Date,Open,High,Low,Close,Volume\n2025-10-29,1,2,0.5,1.5,10\n")
                .when()
                .post("/api/v1/prices/bulk-csv")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"))
                .body("violations[0].reason", containsString("symbol,date,open,high,low,close,volume"));
        given().contentType("text/csv")
                .body("")
                .when()
                .post("/api/v1/prices/bulk-csv")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"));
    }

    @Test
    void aControlCharacterInAValueRejectsItsRowNamingTheColumnAndTheRestImports() {
        secondRowImported("NVDA,2025-10-29,1\u0000,2,0.5,1.5,10\n" + "NVDA,2025-10-30,1,2,0.5,1.5,10\n")
                .body("rejected.field", contains("open"))
                .body("rejected[0].reason", containsString("control character"));
        assertThat(fake.requests(IngestServiceGrpc.getImportBarsMethod()).get(0).getBarsList())
                .extracting(DailyBar::getDate)
                .containsExactly("2025-10-30");
    }

    @Test
    void aVolumeWithAnExponentIsAWholeNumberAndOneWithAFractionIsRejected() {
        secondRowImported("NVDA,2025-10-29,1,2,0.5,1.5,1.5\n" + "NVDA,2025-10-30,1,2,0.5,1.5,1E3\n")
                .body("rejected.field", contains("volume"))
                .body("rejected[0].reason", equalTo("not a whole number: \"1.5\""));
        assertThat(fake.requests(IngestServiceGrpc.getImportBarsMethod()).get(0).getBarsList())
                .extracting(DailyBar::getVolume)
                .containsExactly(1000L);
    }

    @Test
    void aQuotedValueHoldingACommaIsOneCellRejectedByItsColumn() {
        secondRowImported("\"NVDA\",\"2025-10-29\",\"1\",\"2\",\"0.5\",\"1.5\",\"1,000\"\n"
                        + "\"NVDA\",\"2025-10-30\",\"1\",\"2\",\"0.5\",\"1.5\",\"1000\"\n")
                .body("rejected.field", contains("volume"));
        assertThat(fake.requests(IngestServiceGrpc.getImportBarsMethod()).get(0).getBarsList())
                .extracting(DailyBar::getVolume)
                .containsExactly(1000L);
    }

    /** Posts {@code rows} under the standard header, the service taking one bar: the first row rejected, the second sent. */
    private ValidatableResponse secondRowImported(String rows) {
        fake.script(
                IngestServiceGrpc.getImportBarsMethod(),
                Answer.reply(ack(0, IngestReport.newBuilder().setAccepted(1).build())));
        return given().contentType("text/csv")
                .body("symbol,date,open,high,low,close,volume\n" + rows)
                .when()
                .post("/api/v1/prices/bulk-csv")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected.row", contains(2));
    }

    @Test
    void aHeaderWithATypoNamesTheUnknownAndTheMissingColumn() {
        given().contentType("text/csv")
                .body("symbol,date,open,high,low,clse,volume\nNVDA,2025-10-29,1,2,0.5,1.5,10\n")
                .when()
                .post("/api/v1/prices/bulk-csv")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"))
                .body("violations[0].reason", containsString("unknown: \"clse\"; missing: close"));
        assertThat(fake.requests(IngestServiceGrpc.getImportBarsMethod())).isEmpty();
    }

    @Test
    void aRefusedChunkEndsTheImportWithTheServicesError() {
        fake.script(IngestServiceGrpc.getImportBarsMethod(), Answer.fail(Status.UNAVAILABLE.withDescription("down")));

        given().contentType("text/csv")
                .body("symbol,date,open,high,low,close,volume\nNVDA,2025-10-29,1,2,0.5,1.5,10\n")
                .when()
                .post("/api/v1/prices/bulk-csv")
                .then()
                .statusCode(503)
                .contentType("application/problem+json");
    }

    @Test
    void aRefusalAfterAcknowledgedChunksSaysWhatWasStored() {
        fake.script(
                IngestServiceGrpc.getImportBarsMethod(),
                Answer.reply(ack(
                        0,
                        IngestReport.newBuilder()
                                .setAccepted(1)
                                .setDuplicates(1)
                                .build())),
                Answer.fail(Status.UNAVAILABLE.withDescription("down")));

        given().contentType("text/csv")
                .body("""
                        symbol,date,open,high,low,close,volume
                        NVDA,2025-10-29,1,2,0.5,1.5,10
                        NVDA,2025-10-30,1,2,0.5,1.5,10
                        NVDA,2025-10-31,1,2,0.5,1.5,10
                        NVDA,2025-11-03,1,2,0.5,1.5,10
                        """)
                .when()
                .post("/api/v1/prices/bulk-csv")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("acknowledged.accepted", equalTo(1))
                .body("acknowledged.duplicates", equalTo(1))
                .body("acknowledged.replaced", equalTo(0));
    }

    private static ImportBarsResponse ack(long sequence, IngestReport report) {
        return ImportBarsResponse.newBuilder()
                .setSequence(sequence)
                .setReport(report)
                .build();
    }
}
