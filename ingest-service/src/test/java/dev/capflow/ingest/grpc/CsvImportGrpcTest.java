package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import com.google.protobuf.ByteString;
import dev.capflow.proto.common.v1.IngestReport;
import dev.capflow.proto.common.v1.Rejection;
import dev.capflow.proto.ingest.v1.CsvLayout;
import dev.capflow.proto.ingest.v1.ImportCsvRequest;
import dev.capflow.proto.ingest.v1.ImportCsvResponse;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class CsvImportGrpcTest extends GrpcTestBase {

    /** 2,500 Yahoo rows: line 11 is a null row, line 101 has a bad open, line 1501 a NaN close. */
    private static String yahooFile() {
        StringBuilder csv = new StringBuilder("\uFEFFDate,Open,High,Low,Close,Adj Close,Volume\r\n");
        LocalDate date = LocalDate.of(2000, 1, 1);
        for (int i = 0; i < 2_500; i++) {
            int line = i + 2;
            String day = date.plusDays(i).toString();
            if (line == 11) {
                csv.append(day).append(",null,null,null,null,null,null\r\n");
            } else if (line == 101) {
                csv.append(day).append(",abc,11,9,10.5,10.5,100\r\n");
            } else if (line == 1501) {
                csv.append(day).append(",10,11,9,NaN,10.5,100\r\n");
            } else {
                csv.append(day).append(",10,11,9,10.5,10.5,100\r\n");
            }
        }
        return csv.toString();
    }

    private List<ImportCsvResponse> importCsv(ImportCsvRequest request) {
        List<ImportCsvResponse> responses = new ArrayList<>();
        client().importCsv(request).forEachRemaining(responses::add);
        return responses;
    }

    private static ImportCsvRequest request(String symbol, String content) {
        return ImportCsvRequest.newBuilder()
                .setSymbol(symbol)
                .setContent(ByteString.copyFromUtf8(content))
                .build();
    }

    @Test
    void streamsRunningProgressAfterEachCommittedChunk() throws Exception {
        register("CSV");
        List<ImportCsvResponse> progress = importCsv(request("csv", yahooFile()));
        assertThat(progress)
                .extracting(
                        ImportCsvResponse::getRowsProcessed,
                        ImportCsvResponse::getRowsTotal,
                        ImportCsvResponse::getDone,
                        ImportCsvResponse::getLayout)
                .containsExactly(
                        tuple(1_000, 2_500, false, CsvLayout.CSV_LAYOUT_YAHOO),
                        tuple(2_000, 2_500, false, CsvLayout.CSV_LAYOUT_YAHOO),
                        tuple(2_500, 2_500, true, CsvLayout.CSV_LAYOUT_YAHOO));
        assertThat(progress)
                .extracting(
                        response -> response.getReport().getAccepted(),
                        response -> response.getReport().getSkipped(),
                        ImportCsvResponse::getRejectedCount,
                        ImportCsvResponse::getNewRejectionsCount)
                .containsExactly(tuple(998, 1, 1, 1), tuple(1_997, 1, 2, 1), tuple(2_497, 1, 2, 0));
        // the running report details rejections on the last message only; earlier ones carry just the new ones
        assertThat(progress)
                .extracting(response -> response.getReport().getRejectedCount())
                .containsExactly(0, 0, 2);
        IngestReport last = progress.get(2).getReport();
        assertThat(last.getRejectedList())
                .extracting(Rejection::getIndex, Rejection::getRow, Rejection::getField)
                .containsExactly(tuple(-1, 101, "open"), tuple(-1, 1_501, "close"));
        assertThat(sqlLong("SELECT count(*) FROM ingest.daily_bar WHERE symbol = 'CSV'"))
                .isEqualTo(2_497);

        List<ImportCsvResponse> again = importCsv(request("CSV", yahooFile()));
        IngestReport repeat = again.get(again.size() - 1).getReport();
        assertThat(repeat.getAccepted()).isZero();
        assertThat(repeat.getDuplicates()).isEqualTo(2_497);
        assertThat(sqlLong("SELECT count(*) FROM ingest.daily_bar WHERE symbol = 'CSV'"))
                .isEqualTo(2_497);
    }

    @Test
    void aStooqFileWithoutVolumeAndAHeaderOnlyFileImport() throws Exception {
        register("STQV");
        List<ImportCsvResponse> stooq = importCsv(
                request("STQV", "Date,Open,High,Low,Close\n2025-10-28,10,11,9,10.5\n2025-10-29,10.5,12,10,11\n"));
        assertThat(stooq).hasSize(1);
        assertThat(stooq.get(0).getLayout()).isEqualTo(CsvLayout.CSV_LAYOUT_STOOQ);
        assertThat(stooq.get(0).getReport().getAccepted()).isEqualTo(2);
        assertThat(sqlLong("SELECT sum(volume) FROM ingest.daily_bar WHERE symbol = 'STQV'"))
                .isZero();

        List<ImportCsvResponse> empty = importCsv(request("STQV", "Date,Open,High,Low,Close,Volume\n"));
        assertThat(empty)
                .extracting(ImportCsvResponse::getRowsTotal, ImportCsvResponse::getDone)
                .containsExactly(tuple(0, true));
    }

    @Test
    void badImportsAreNamed() throws Exception {
        register("CSVB");
        BarsGrpcTest.assertField(() -> importCsv(request("CSVB", "")), "content");
        BarsGrpcTest.assertField(
                () -> importCsv(ImportCsvRequest.newBuilder()
                        .setSymbol("CSVB")
                        .setContent(ByteString.copyFrom(new byte[] {'D', (byte) 0xC3, 0x28}))
                        .build()),
                "content");
        BarsGrpcTest.assertField(() -> importCsv(request(" ", "2025-10-28,10,11,9,10.5,100\n")), "symbol");
        BarsGrpcTest.assertField(
                () -> importCsv(request("CSVB", "2025-10-28,10,11,9,10.5,100\n").toBuilder()
                        .setLayout(CsvLayout.CSV_LAYOUT_YAHOO)
                        .build()),
                "layout");
        BarsGrpcTest.assertField(
                () -> importCsv(request("CSVB", "2025-10-28,10,11,9,10.5,100\n").toBuilder()
                        .setLayoutValue(9)
                        .build()),
                "layout");
        StatusRuntimeException unknown = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> importCsv(request(
                        "NOPE",
                        new String(
                                "2025-10-28,10,11,9,10.5,100\n".getBytes(StandardCharsets.UTF_8),
                                StandardCharsets.UTF_8))));
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }
}
