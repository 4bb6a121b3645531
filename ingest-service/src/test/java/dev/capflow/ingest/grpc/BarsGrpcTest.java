package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import com.google.protobuf.ByteString;
import com.google.rpc.BadRequest;
import com.google.rpc.ResourceInfo;
import dev.capflow.proto.common.v1.IngestReport;
import dev.capflow.proto.common.v1.Rejection;
import dev.capflow.proto.ingest.v1.DailyBar;
import dev.capflow.proto.ingest.v1.GetBarsBatchRequest;
import dev.capflow.proto.ingest.v1.GetBarsBatchResponse;
import dev.capflow.proto.ingest.v1.GetBarsRequest;
import dev.capflow.proto.ingest.v1.GetBarsResponse;
import dev.capflow.proto.ingest.v1.ImportCsvRequest;
import dev.capflow.proto.ingest.v1.IngestBarsRequest;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class BarsGrpcTest extends GrpcTestBase {

    private IngestReport ingest(DailyBar... bars) {
        return client().ingestBars(
                        IngestBarsRequest.newBuilder().addAllBars(List.of(bars)).build())
                .getReport();
    }

    @Test
    void storesTheGoodBarsAndReportsTheBadOnesByIndexAndField() throws Exception {
        register("MIX");
        String future = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        DailyBar[] request = {
            bar("MIX", "2025-10-27", 100),
            bar("MIX", "2025-10-28", 100, 101, 99, Double.NaN, 10),
            bar("MIX", "2025-13-01", 100),
            bar("NOPE", "2025-10-27", 100),
            bar("mix", "2025-10-28", 101),
            bar("", "2025-10-27", 100),
            bar("MIX", future, 100),
            bar("MIX", "2025-10-29", 100, 99, 98, 100, 10),
            bar("MIX", "2025-10-30", 100, 101, 99, 100, -5),
            bar("MIX", "2025-10-29", 102),
        };
        IngestReport first = ingest(request);
        assertThat(first.getAccepted()).isEqualTo(3);
        assertThat(first.getDuplicates()).isZero();
        assertThat(first.getRejectedList())
                .extracting(Rejection::getIndex, Rejection::getRow, Rejection::getField)
                .containsExactly(
                        tuple(1, 0, "close"),
                        tuple(2, 0, "date"),
                        tuple(3, 0, "symbol"),
                        tuple(5, 0, "symbol"),
                        tuple(6, 0, "date"),
                        tuple(7, 0, "high"),
                        tuple(8, 0, "volume"));
        assertThat(first.getRejected(1).getReason()).isEqualTo("not an ISO-8601 date: 2025-13-01");
        assertThat(first.getRejected(2).getReason()).contains("unknown symbol NOPE");
        assertThat(sqlLong("SELECT count(*) FROM ingest.daily_bar WHERE symbol = 'MIX'"))
                .isEqualTo(3);
        assertThat(sqlLong("SELECT close * 100 FROM ingest.daily_bar WHERE symbol = 'MIX' AND date = '2025-10-28'"))
                .isEqualTo(10_100);

        IngestReport again = ingest(request);
        assertThat(again.getAccepted()).isZero();
        assertThat(again.getDuplicates()).isEqualTo(3);
        assertThat(again.getRejectedCount()).isEqualTo(7);
        assertThat(sqlLong("SELECT count(*) FROM ingest.daily_bar WHERE symbol = 'MIX'"))
                .isEqualTo(3);
    }

    @Test
    void aBarRepeatedInOneRequestIsStoredOnceAndNeverOverwritten() throws Exception {
        register("DUP");
        IngestReport report =
                ingest(bar("DUP", "2025-10-27", 100), bar("DUP", "2025-10-27", 200), bar("DUP", "2025-10-28", 100));
        assertThat(report.getAccepted()).isEqualTo(2);
        assertThat(report.getDuplicates()).isZero();
        assertThat(report.getRejectedList())
                .as("the repeat with another close is rejected where it was sent, not counted as a duplicate")
                .extracting(Rejection::getIndex, Rejection::getField)
                .containsExactly(tuple(1, "close"));
        IngestReport later = ingest(bar("DUP", "2025-10-27", 300), bar("DUP", "2025-10-29", 100));
        assertThat(later.getAccepted()).isEqualTo(1);
        assertThat(later.getRejectedList())
                .extracting(Rejection::getIndex, Rejection::getField)
                .containsExactly(tuple(0, "close"));
        assertThat(ingest(bar("DUP", "2025-10-27", 100)).getDuplicates())
                .as("the stored values again")
                .isEqualTo(1);
        assertThat(sqlLong("SELECT count(*) FROM ingest.daily_bar WHERE symbol = 'DUP'"))
                .isEqualTo(3);
        assertThat(sqlLong("SELECT close FROM ingest.daily_bar WHERE symbol = 'DUP' AND date = '2025-10-27'"))
                .isEqualTo(100);
    }

    @Test
    void tooManyBarsInOneRequestIsInvalidAndStoresNothing() throws Exception {
        register("BIG");
        List<DailyBar> bars = new ArrayList<>();
        LocalDate date = LocalDate.of(1850, 1, 1);
        for (int i = 0; i < 50_001; i++) {
            bars.add(bar("BIG", date.plusDays(i).toString(), 10));
        }
        StatusRuntimeException error = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().ingestBars(
                                IngestBarsRequest.newBuilder().addAllBars(bars).build()));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(badRequest(error).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField)
                .containsExactly("bars");
        assertThat(sqlLong("SELECT count(*) FROM ingest.daily_bar WHERE symbol = 'BIG'"))
                .isZero();
    }

    @Test
    void anOversizedMessageIsResourceExhausted() {
        ImportCsvRequest huge = ImportCsvRequest.newBuilder()
                .setSymbol("BIG")
                .setContent(ByteString.copyFrom(new byte[17 * 1024 * 1024]))
                .build();
        StatusRuntimeException error = catchThrowableOfType(
                StatusRuntimeException.class, () -> client().importCsv(huge).forEachRemaining(response -> {}));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    }

    @Test
    void getBarsAnswersAWindowAndNamesBadQueries() throws Exception {
        register("WIN");
        ingest(bar("WIN", "2025-10-27", 10), bar("WIN", "2025-10-28", 11), bar("WIN", "2025-10-29", 12));

        GetBarsResponse window = client().getBars(GetBarsRequest.newBuilder()
                .setSymbol("win")
                .setFrom("2025-10-28")
                .setTo("2025-10-29")
                .build());
        assertThat(window.getSymbol()).isEqualTo("WIN");
        assertThat(window.getBarsList())
                .extracting(DailyBar::getDate, DailyBar::getClose)
                .containsExactly(tuple("2025-10-28", 11.0), tuple("2025-10-29", 12.0));
        assertThat(client().getBars(GetBarsRequest.newBuilder().setSymbol("WIN").build())
                        .getBarsCount())
                .isEqualTo(3);

        StatusRuntimeException unknown = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().getBars(
                                GetBarsRequest.newBuilder().setSymbol("NOPE").build()));
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(StatusProto.fromThrowable(unknown)
                        .getDetails(0)
                        .unpack(ResourceInfo.class)
                        .getResourceName())
                .isEqualTo("NOPE");

        assertField(
                () -> client().getBars(GetBarsRequest.newBuilder()
                        .setSymbol("WIN")
                        .setFrom("2025-10-32")
                        .build()),
                "from");
        assertField(
                () -> client().getBars(GetBarsRequest.newBuilder()
                        .setSymbol("WIN")
                        .setFrom("2025-10-29")
                        .setTo("2025-10-27")
                        .build()),
                "from");
        assertField(
                () -> client().getBars(
                                GetBarsRequest.newBuilder().setSymbol(" ").build()),
                "symbol");
        assertField(
                () -> client().getBars(GetBarsRequest.newBuilder()
                        .setSymbol("WIN")
                        .setAdjustmentValue(42)
                        .build()),
                "adjustment");
    }

    @Test
    void getBarsBatchAnswersOneSeriesPerSymbolInRequestOrder() throws Exception {
        register("BA");
        register("BB");
        register("BC");
        ingest(bar("BA", "2025-10-27", 10), bar("BB", "2025-10-27", 20), bar("BB", "2025-10-28", 30));

        GetBarsBatchResponse batch = client().getBarsBatch(GetBarsBatchRequest.newBuilder()
                .addSymbols("BB")
                .addSymbols("BC")
                .addSymbols("ba")
                .addSymbols("BB")
                .build());
        assertThat(batch.getSeriesList())
                .extracting(GetBarsResponse::getSymbol, GetBarsResponse::getBarsCount)
                .containsExactly(tuple("BB", 2), tuple("BC", 0), tuple("BA", 1));

        StatusRuntimeException unknown = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().getBarsBatch(GetBarsBatchRequest.newBuilder()
                        .addSymbols("BA")
                        .addSymbols("X1")
                        .addSymbols("X2")
                        .build()));
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(unknown.getStatus().getDescription()).contains("X1, X2");
        assertField(() -> client().getBarsBatch(GetBarsBatchRequest.getDefaultInstance()), "symbols");
        assertField(
                () -> client().getBarsBatch(GetBarsBatchRequest.newBuilder()
                        .addSymbols("BA")
                        .addSymbols("")
                        .build()),
                "symbols[1]");
    }

    static void assertField(Runnable call, String field) throws Exception {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(error).as("INVALID_ARGUMENT naming " + field).isNotNull();
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(badRequest(error).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField)
                .contains(field);
    }
}
