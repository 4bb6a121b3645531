package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import dev.capflow.proto.common.v1.IngestReport;
import dev.capflow.proto.common.v1.Rejection;
import dev.capflow.proto.ingest.v1.BarRevision;
import dev.capflow.proto.ingest.v1.BarWriteMode;
import dev.capflow.proto.ingest.v1.GetBarsRequest;
import dev.capflow.proto.ingest.v1.GetLatestPricesRequest;
import dev.capflow.proto.ingest.v1.ImportCsvRequest;
import dev.capflow.proto.ingest.v1.ImportCsvResponse;
import dev.capflow.proto.ingest.v1.ListBarRevisionsRequest;
import dev.capflow.testsupport.PostgresRedisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Corrections (BAR_WRITE_MODE_REPLACE) replace changed bars, keep the replaced versions and announce themselves. */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class BarCorrectionsGrpcTest extends GrpcTestBase {

    private double storedClose(String symbol, String date) {
        return client().getBars(GetBarsRequest.newBuilder()
                        .setSymbol(symbol)
                        .setFrom(date)
                        .setTo(date)
                        .build())
                .getBars(0)
                .getClose();
    }

    private double latestPrice(String symbol) {
        return client().getLatestPrices(
                        GetLatestPricesRequest.newBuilder().addSymbols(symbol).build())
                .getPrices(0)
                .getPrice();
    }

    @Test
    void aCorrectionOfTheLatestCloseIsTheLatestPriceAndAnInsertedDuplicateIsNot() {
        register("COL");
        writeBars(BarWriteMode.BAR_WRITE_MODE_INSERT, bar("COL", "2025-11-03", 10), bar("COL", "2025-11-04", 11));
        // the first read after the start answers from PostgreSQL and refills the hash: later reads are the hash's
        await().atMost(Duration.ofSeconds(DEADLINE_SECONDS)).until(() -> latestPrice("COL") == 11);

        writeBars(BarWriteMode.BAR_WRITE_MODE_REPLACE, bar("COL", "2025-11-04", 11.5));
        await().atMost(Duration.ofSeconds(DEADLINE_SECONDS)).until(() -> latestPrice("COL") == 11.5);

        writeBars(BarWriteMode.BAR_WRITE_MODE_INSERT, bar("COL", "2025-11-04", 99));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(DEADLINE_SECONDS))
                .until(() -> latestPrice("COL") == 11.5);
    }

    @Test
    void aCorrectionReplacesTheBarKeepsTheOldVersionAndIsAnnounced() {
        register("COR");
        writeBars(BarWriteMode.BAR_WRITE_MODE_UNSPECIFIED, bar("COR", "2025-11-03", 10));

        IngestReport plain = writeBars(BarWriteMode.BAR_WRITE_MODE_INSERT, bar("COR", "2025-11-03", 12));
        assertThat(plain)
                .as("other values for a stored day are rejected, not counted as a duplicate")
                .extracting(IngestReport::getDuplicates, IngestReport::getReplaced, IngestReport::getRejectedCount)
                .containsExactly(0, 0, 1);
        assertThat(storedClose("COR", "2025-11-03"))
                .as("an insert never overwrites")
                .isEqualTo(10);

        IngestReport corrected = writeBars(
                BarWriteMode.BAR_WRITE_MODE_REPLACE, bar("COR", "2025-11-03", 12), bar("COR", "2025-11-04", 13));
        assertThat(corrected)
                .extracting(IngestReport::getAccepted, IngestReport::getReplaced, IngestReport::getDuplicates)
                .containsExactly(1, 1, 0);
        assertThat(storedClose("COR", "2025-11-03")).isEqualTo(12);

        IngestReport resent = writeBars(
                BarWriteMode.BAR_WRITE_MODE_REPLACE, bar("COR", "2025-11-03", 12), bar("COR", "2025-11-04", 13));
        assertThat(resent)
                .as("an identical resend stays a duplicate")
                .extracting(IngestReport::getAccepted, IngestReport::getReplaced, IngestReport::getDuplicates)
                .containsExactly(0, 0, 2);

        writeBars(BarWriteMode.BAR_WRITE_MODE_REPLACE, bar("COR", "2025-11-03", 12.5));
        assertThat(client().listBarRevisions(ListBarRevisionsRequest.newBuilder()
                                .setSymbol("cor")
                                .build())
                        .getRevisionsList())
                .extracting(revision -> revision.getBar().getClose())
                .as("replaced versions, newest replacement first")
                .containsExactly(12.0, 10.0);
        BarRevision first = client().listBarRevisions(ListBarRevisionsRequest.newBuilder()
                        .setSymbol("COR")
                        .setFrom("2025-11-03")
                        .setTo("2025-11-03")
                        .build())
                .getRevisions(1);
        assertThat(first.getStoredAt().getSeconds())
                .isLessThanOrEqualTo(first.getReplacedAt().getSeconds());

        await().atMost(Duration.ofSeconds(10)).until(() -> changeEntries("bars-replaced", "COR") == 2);
    }

    @Test
    void anInsertOfOtherValuesForAStoredDayIsRejectedAtItsIndexAndAnIdenticalOneIsADuplicate() {
        register("CONF");
        IngestReport twice = writeBars(
                BarWriteMode.BAR_WRITE_MODE_INSERT, bar("CONF", "2025-08-19", 10), bar("CONF", "2025-08-19", 20));
        assertThat(twice.getAccepted()).isEqualTo(1);
        assertThat(twice.getDuplicates())
                .as("the other values are not a duplicate")
                .isZero();
        assertThat(twice.getRejectedList())
                .extracting(Rejection::getIndex, Rejection::getField)
                .containsExactly(tuple(1, "close"));
        assertThat(twice.getRejected(0).getReason())
                .contains("a bar of CONF for 2025-08-19 with close 10.0 is already stored")
                .contains("replace mode");

        IngestReport again = writeBars(
                BarWriteMode.BAR_WRITE_MODE_INSERT,
                bar("CONF", "2025-08-20", 11),
                bar("CONF", "2025-08-19", 10, 11, 9, 10, 1_000),
                bar("CONF", "2025-08-19", 10, 11, 9, 10, 2_000));
        assertThat(again.getAccepted()).isEqualTo(1);
        assertThat(again.getDuplicates()).as("the identical retry").isEqualTo(1);
        assertThat(again.getRejectedList())
                .extracting(Rejection::getIndex, Rejection::getField)
                .containsExactly(tuple(2, "volume"));
        assertThat(storedClose("CONF", "2025-08-19")).isEqualTo(10.0);
    }

    @Test
    void theSameSessionTwiceInOneCorrectionIsRejectedAtItsIndexAndTheRestIsStored() {
        register("CORX");
        IngestReport report = writeBars(
                BarWriteMode.BAR_WRITE_MODE_REPLACE,
                bar("CORX", "2025-11-03", 10),
                bar("corx", "2025-11-03", 11),
                bar("CORX", "2025-11-05", 12));
        assertThat(report.getAccepted()).isEqualTo(2);
        assertThat(report.getRejectedList())
                .extracting(Rejection::getIndex, Rejection::getField)
                .containsExactly(tuple(1, "date"));
        assertThat(storedClose("CORX", "2025-11-03")).as("the first one wins").isEqualTo(10);
    }

    @Test
    void aCsvCorrectionReplacesChangedRows() {
        register("CORCSV");
        String file = "Date,Open,High,Low,Close,Volume\n2025-11-03,10,11,9,10.5,100\n2025-11-04,10,11,9,10.7,100\n";
        importCsv("CORCSV", file, BarWriteMode.BAR_WRITE_MODE_UNSPECIFIED);
        ImportCsvResponse last = importCsv("CORCSV", file.replace("10.7", "10.8"), BarWriteMode.BAR_WRITE_MODE_REPLACE);
        assertThat(last.getReport())
                .extracting(IngestReport::getReplaced, IngestReport::getDuplicates)
                .containsExactly(1, 1);
        assertThat(storedClose("CORCSV", "2025-11-04")).isEqualTo(10.8);
    }

    @Test
    void aCsvCorrectionWithoutVolumesIsRefusedAndTheStoredVolumesStay() throws Exception {
        register("CORVOL");
        importCsv(
                "CORVOL",
                "Date,Open,High,Low,Close,Volume\n2025-11-03,10,11,9,10.5,700\n",
                BarWriteMode.BAR_WRITE_MODE_UNSPECIFIED);
        BarsGrpcTest.assertField(
                () -> importCsv(
                        "CORVOL",
                        "Date,Open,High,Low,Close\n2025-11-03,10,11,9,10.6\n",
                        BarWriteMode.BAR_WRITE_MODE_REPLACE),
                "content");
        assertThat(sqlLong("SELECT volume FROM ingest.daily_bar WHERE symbol = 'CORVOL'"))
                .isEqualTo(700);
        assertThat(storedClose("CORVOL", "2025-11-03")).isEqualTo(10.5);
    }

    private ImportCsvResponse importCsv(String symbol, String content, BarWriteMode mode) {
        ImportCsvResponse[] last = new ImportCsvResponse[1];
        client().importCsv(ImportCsvRequest.newBuilder()
                        .setSymbol(symbol)
                        .setContent(ByteString.copyFromUtf8(content))
                        .setMode(mode)
                        .build())
                .forEachRemaining(progress -> last[0] = progress);
        return last[0];
    }
}
