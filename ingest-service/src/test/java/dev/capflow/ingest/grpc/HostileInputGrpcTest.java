package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import dev.capflow.proto.common.v1.IngestReport;
import dev.capflow.proto.common.v1.Rejection;
import dev.capflow.proto.ingest.v1.AddCorporateActionRequest;
import dev.capflow.proto.ingest.v1.Adjustment;
import dev.capflow.proto.ingest.v1.CorporateAction;
import dev.capflow.proto.ingest.v1.CorporateActionKind;
import dev.capflow.proto.ingest.v1.DailyBar;
import dev.capflow.proto.ingest.v1.DeleteCorporateActionRequest;
import dev.capflow.proto.ingest.v1.GetBarsRequest;
import dev.capflow.proto.ingest.v1.GetLatestPricesRequest;
import dev.capflow.proto.ingest.v1.ImportCsvRequest;
import dev.capflow.proto.ingest.v1.ImportCsvResponse;
import dev.capflow.proto.ingest.v1.IngestBarsRequest;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.IngestTicksRequest;
import dev.capflow.proto.ingest.v1.IngestTicksResponse;
import dev.capflow.proto.ingest.v1.Instrument;
import dev.capflow.proto.ingest.v1.InstrumentKind;
import dev.capflow.proto.ingest.v1.ListCorporateActionsRequest;
import dev.capflow.proto.ingest.v1.ListInstrumentsRequest;
import dev.capflow.proto.ingest.v1.Tick;
import dev.capflow.proto.ingest.v1.UpsertInstrumentRequest;
import dev.capflow.testsupport.MalformedRequestCheck;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile input at ingest is refused per record or per request with INVALID_ARGUMENT naming the field as
 * sent, error texts stay short whatever the input's size, and nothing of a refused record is stored. (An unpaired
 * surrogate cannot cross gRPC: protobuf's encoder turns it into "?" on the client; TextRulesTest covers it.)
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class HostileInputGrpcTest extends GrpcTestBase {

    private static final String NUL = "\u0000";

    @Test
    void barDatesOutsideTheRangeAreRejectedPerRecordAndTheGoodOnesStored() throws Exception {
        register("HXDATE");
        IngestReport report = client().ingestBars(IngestBarsRequest.newBuilder()
                        .addBars(bar("HXDATE", "-999999999-01-01", 10))
                        .addBars(bar("HXDATE", "1899-12-31", 10))
                        .addBars(bar("HXDATE", "+10000-01-01", 10))
                        .addBars(bar("HXDATE", "2025-11-03", 10))
                        .addBars(bar("HXDATE", "2025-11-04" + NUL, 10))
                        .build())
                .getReport();

        assertThat(report.getAccepted()).isEqualTo(1);
        assertThat(report.getRejectedList())
                .extracting(Rejection::getIndex, Rejection::getField)
                .containsExactly(tuple(0, "date"), tuple(1, "date"), tuple(2, "date"), tuple(4, "date"));
        assertThat(report.getRejected(0).getReason()).contains("between 1900-01-01 and 2100-12-31");
        assertThat(sqlLong("SELECT count(*) FROM ingest.daily_bar WHERE symbol = 'HXDATE'"))
                .isEqualTo(1);
        assertThat(sqlLong("SELECT count(*) FROM ingest.daily_bar WHERE symbol = 'HXDATE' AND date = '2025-11-03'"))
                .isEqualTo(1);
        BarsGrpcTest.assertField(
                () -> client().getBars(GetBarsRequest.newBuilder()
                        .setSymbol("HXDATE")
                        .setFrom("-999999999-01-01")
                        .build()),
                "from");
    }

    @Test
    void absurdPricesAndVolumesAreRejected() throws Exception {
        register("HXPRICE");
        IngestReport report = client().ingestBars(IngestBarsRequest.newBuilder()
                        .addBars(bar("HXPRICE", "2025-11-03", 1e308, 1e308, 1e308, 1e308, 1))
                        .addBars(bar("HXPRICE", "2025-11-04", 5e-324, 5e-324, 5e-324, 5e-324, 1))
                        .addBars(bar("HXPRICE", "2025-11-05", 10, 11, 9, 10, Long.MAX_VALUE))
                        .build())
                .getReport();

        assertThat(report.getAccepted()).isZero();
        assertThat(report.getRejectedList())
                .extracting(Rejection::getIndex, Rejection::getField)
                .containsExactly(tuple(0, "open"), tuple(1, "open"), tuple(2, "volume"));
        assertThat(sqlLong("SELECT count(*) FROM ingest.daily_bar WHERE symbol = 'HXPRICE'"))
                .isZero();
    }

    @Test
    void tickTimestampsOutsideTheRangeAndBadTextAreRejectedPerRecord() throws Exception {
        register("HXTICK");
        Instant now = Instant.now();
        Tick ancient = tick("HXTICK", now, 10, 1).toBuilder()
                .setTs(Timestamp.newBuilder().setSeconds(-62_135_596_800L))
                .build();
        Tick before1900 = tick(
                "HXTICK",
                LocalDate.of(1899, 12, 31).atStartOfDay(ZoneOffset.UTC).toInstant(),
                10,
                1);
        Tick nulSource =
                tick("HXTICK", now, 10, 1).toBuilder().setSource("feed" + NUL).build();
        Tick longTradeId = tick("HXTICK", now, 10, 1).toBuilder()
                .setTradeId("t".repeat(65))
                .build();
        Tick hugePrice = tick("HXTICK", now, 1e308, 1);
        List<IngestTicksResponse> acks = streamTicks(batch(1, ancient, before1900, nulSource, longTradeId, hugePrice));

        IngestReport report = acks.get(0).getReport();
        assertThat(report.getAccepted()).isZero();
        assertThat(report.getRejectedList())
                .extracting(Rejection::getIndex, Rejection::getField)
                .containsExactly(
                        tuple(0, "ts"), tuple(1, "ts"), tuple(2, "source"), tuple(3, "trade_id"), tuple(4, "price"));
        assertThat(sqlLong("SELECT count(*) FROM ingest.tick WHERE symbol = 'HXTICK'"))
                .isZero();
    }

    @Test
    void aNulInTheSymbolOfABarOrATickRejectsThatRecordAloneAndKeepsTheOthers() throws Exception {
        // the registry lookup once sent the NUL to PostgreSQL, which failed the whole batch with INTERNAL
        register("HXNULSYM");
        IngestReport bars = client().ingestBars(IngestBarsRequest.newBuilder()
                        .addBars(bar("HX" + NUL + "SYM", "2025-11-03", 10))
                        .addBars(bar("HXNULSYM", "2025-11-03", 10))
                        .addBars(bar("HXNULSYM" + NUL, "2025-11-04", 10))
                        .build())
                .getReport();
        assertThat(bars.getAccepted()).isEqualTo(1);
        assertThat(bars.getRejectedList())
                .extracting(Rejection::getIndex, Rejection::getField)
                .containsExactly(tuple(0, "symbol"), tuple(2, "symbol"));
        assertThat(bars.getRejected(0).getReason()).contains("NUL");

        Instant now = Instant.now();
        List<IngestTicksResponse> acks = streamTicks(
                batch(1, tick("HX" + NUL + "SYM", now, 10, 1)),
                batch(2, tick("HXNULSYM", now, 10, 1), tick("HXNULSYM" + NUL, now.plusSeconds(1), 10, 1)));
        assertThat(acks).hasSize(2);
        assertThat(acks).extracting(ack -> ack.getReport().getAccepted()).containsExactlyInAnyOrder(0, 1);
        assertThat(acks.stream().flatMap(ack -> ack.getReport().getRejectedList().stream()))
                .extracting(Rejection::getIndex, Rejection::getField)
                .containsExactlyInAnyOrder(tuple(0, "symbol"), tuple(1, "symbol"));
        assertThat(sqlLong("SELECT count(*) FROM ingest.daily_bar WHERE symbol = 'HXNULSYM'"))
                .isEqualTo(1);
        assertThat(sqlLong("SELECT count(*) FROM ingest.tick WHERE symbol = 'HXNULSYM'"))
                .isEqualTo(1);
    }

    @Test
    void aGetBarsAnswerOverTheClientsDefaultLimitIsRefusedNamingTheWindow() throws Exception {
        // a 32-character symbol with a bar every day since 1900: 46,000 bars (to late 2025) are about 4.3 MB in one
        // message
        String symbol = "HXBIG" + "Z".repeat(27);
        register(symbol);
        IngestBarsRequest.Builder bars = IngestBarsRequest.newBuilder();
        LocalDate first = LocalDate.of(1900, 1, 1);
        for (int day = 0; day < 46_000; day++) {
            // the largest volumes take 8 bytes each: about 93 bytes a bar
            bars.addBars(bar(symbol, first.plusDays(day).toString(), 10, 11, 9, 10, 999_999_999_999_999L));
        }
        IngestReport stored = client().ingestBars(bars.build()).getReport();
        assertThat(stored.getRejectedList()).isEmpty();
        assertThat(stored.getAccepted()).isEqualTo(46_000);

        StatusRuntimeException tooLarge = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().getBars(
                                GetBarsRequest.newBuilder().setSymbol(symbol).build()));
        assertThat(tooLarge.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(tooLarge.getStatus().getDescription()).contains("46000 bars", "StreamBars");
        BarsGrpcTest.assertField(
                () -> client().getBars(
                                GetBarsRequest.newBuilder().setSymbol(symbol).build()),
                "from");

        assertThat(client().getBars(GetBarsRequest.newBuilder()
                                .setSymbol(symbol)
                                .setFrom("1950-01-01")
                                .build())
                        .getBarsCount())
                .as("a narrower window fits")
                .isEqualTo(46_000 - (int) ChronoUnit.DAYS.between(first, LocalDate.of(1950, 1, 1)));
    }

    @Test
    void nulAndOverlongTextInAnInstrumentAreNamedAndNothingIsStored() throws Exception {
        assertInstrumentRefused(instrument("HXNUL").setName("Acme" + NUL + "Corp"), "instrument.name");
        assertInstrumentRefused(instrument("HXLONG").setName("x".repeat(100_000)), "instrument.name");
        assertInstrumentRefused(instrument("HXEXCH").setExchange("N" + NUL), "instrument.exchange");
        assertInstrumentRefused(instrument("HX" + NUL), "instrument.symbol");
        assertThat(sqlLong("SELECT count(*) FROM ingest.instrument WHERE symbol LIKE 'HX%' AND symbol IN "
                        + "('HXNUL', 'HXLONG', 'HXEXCH', 'HX')"))
                .isZero();

        assertThat(client().upsertInstrument(UpsertInstrumentRequest.newBuilder()
                                .setInstrument(instrument("HXOK").setName("n".repeat(200)))
                                .build())
                        .getCreated())
                .isTrue();
    }

    @Test
    void malformedAndHugeSymbolsAreNamedWithAShortQuote() throws Exception {
        String huge = "A".repeat(10_000);
        StatusRuntimeException error = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().getBars(
                                GetBarsRequest.newBuilder().setSymbol(huge).build()));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        BadRequest.FieldViolation violation = badRequest(error).getFieldViolations(0);
        assertThat(violation.getField()).isEqualTo("symbol");
        assertThat(violation.getDescription()).contains("...(10000 chars)").hasSizeLessThan(200);

        BarsGrpcTest.assertField(
                () -> client().listCorporateActions(ListCorporateActionsRequest.newBuilder()
                        .setSymbol("bad symbol!")
                        .build()),
                "symbol");
        BarsGrpcTest.assertField(
                () -> client().getLatestPrices(GetLatestPricesRequest.newBuilder()
                        .addSymbols("NVDA")
                        .addSymbols("NV" + NUL + "DA")
                        .build()),
                "symbols[1]");
    }

    @Test
    void tooManySymbolsAreRefusedWithoutListingEach() throws Exception {
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            symbols.add(" ");
        }
        StatusRuntimeException error = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().getLatestPrices(GetLatestPricesRequest.newBuilder()
                        .addAllSymbols(symbols)
                        .build()));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(badRequest(error).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField)
                .containsExactly("symbols");
    }

    @Test
    void anOversizedBarArrayIsRefusedAsAWhole() throws Exception {
        register("HXMANY");
        DailyBar one = bar("HXMANY", "2025-11-03", 10);
        IngestBarsRequest.Builder request = IngestBarsRequest.newBuilder();
        for (int i = 0; i < 50_001; i++) {
            request.addBars(one);
        }
        BarsGrpcTest.assertField(() -> client().ingestBars(request.build()), "bars");
        assertThat(sqlLong("SELECT count(*) FROM ingest.daily_bar WHERE symbol = 'HXMANY'"))
                .isZero();
    }

    @Test
    void absurdCorporateActionsAreRefusedAndNothingIsRecorded() throws Exception {
        register("HXCA");
        assertActionRefused(split("HXCA", "2025-11-03", 1e-320), "action.ratio");
        assertActionRefused(split("HXCA", "2025-11-03", 1e9), "action.ratio");
        assertActionRefused(split("HXCA", "9999-12-31", 2), "action.ex_date");
        assertActionRefused(
                split(
                        "HXCA",
                        LocalDate.now(ZoneOffset.UTC).plusYears(1).plusDays(2).toString(),
                        2),
                "action.ex_date");
        assertActionRefused(
                CorporateAction.newBuilder()
                        .setSymbol("HXCA")
                        .setExDate("2025-11-03")
                        .setKind(CorporateActionKind.CORPORATE_ACTION_KIND_DIVIDEND)
                        .setAmount(1e308),
                "action.amount");
        assertThat(sqlLong("SELECT count(*) FROM ingest.corporate_action WHERE symbol = 'HXCA'"))
                .isZero();

        // each split within bounds, but together they would restate prices beyond any range
        client().addCorporateAction(AddCorporateActionRequest.newBuilder()
                .setAction(split("HXCA", "2025-01-02", 1e4))
                .build());
        client().addCorporateAction(AddCorporateActionRequest.newBuilder()
                .setAction(split("HXCA", "2025-01-03", 1e4))
                .build());
        assertActionRefused(split("HXCA", "2025-01-06", 2), "action.ratio");
        assertThat(sqlLong("SELECT count(*) FROM ingest.corporate_action WHERE symbol = 'HXCA'"))
                .isEqualTo(2);
    }

    @Test
    void aDeletedCorporateActionNoLongerAdjustsAndIsAnnounced() throws Exception {
        register("HXDEL");
        client().ingestBars(IngestBarsRequest.newBuilder()
                .addBars(bar("HXDEL", "2025-11-03", 100))
                .addBars(bar("HXDEL", "2025-11-04", 50))
                .build());
        client().addCorporateAction(AddCorporateActionRequest.newBuilder()
                .setAction(split("HXDEL", "2025-11-04", 2))
                .build());
        assertThat(splitAdjustedCloses("HXDEL")).containsExactly(50.0, 50.0);
        await().atMost(Duration.ofSeconds(10)).until(() -> changeEntries("corporate-action", "HXDEL") == 1);

        DeleteCorporateActionRequest delete = DeleteCorporateActionRequest.newBuilder()
                .setSymbol("hxdel")
                .setExDate("2025-11-04")
                .setKind(CorporateActionKind.CORPORATE_ACTION_KIND_SPLIT)
                .build();
        CorporateAction deleted = client().deleteCorporateAction(delete).getAction();

        assertThat(deleted.getRatio()).isEqualTo(2.0);
        assertThat(splitAdjustedCloses("HXDEL")).containsExactly(100.0, 50.0);
        assertThat(sqlLong("SELECT count(*) FROM ingest.corporate_action WHERE symbol = 'HXDEL'"))
                .isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> changeEntries("corporate-action", "HXDEL") == 2);

        StatusRuntimeException again =
                catchThrowableOfType(StatusRuntimeException.class, () -> client().deleteCorporateAction(delete));
        assertThat(again.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        BarsGrpcTest.assertField(
                () -> client().deleteCorporateAction(
                                delete.toBuilder().setExDate("2025-13-01").build()),
                "ex_date");
        BarsGrpcTest.assertField(
                () -> client().deleteCorporateAction(delete.toBuilder()
                        .setKind(CorporateActionKind.CORPORATE_ACTION_KIND_UNSPECIFIED)
                        .build()),
                "kind");
    }

    @Test
    void aHugeCsvHeaderIsQuotedShort() throws Exception {
        register("HXCSVH");
        String header = "Date," + "X".repeat(4_096) + ",Close";
        StatusRuntimeException error = catchThrowableOfType(
                StatusRuntimeException.class, () -> importCsv(csv("HXCSVH", header + "\n2025-11-03,1,1\n")));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(error.getStatus().getDescription()).hasSizeLessThan(400);
    }

    @Test
    void aCsvOfManyBadRowsStreamsOnlyNewRejectionsAndDetailsAtMostTheCap() throws Exception {
        register("HXCSV");
        StringBuilder content = new StringBuilder("Date,Open,High,Low,Close,Volume\n");
        LocalDate day = LocalDate.of(2020, 1, 1);
        for (int i = 0; i < 3_000; i++) {
            content.append(day.plusDays(i)).append(",x,1,1,1,1\n");
        }
        content.append("2025-11-03,10,11,9,10,100\n");

        List<ImportCsvResponse> progress = importCsv(csv("HXCSV", content.toString()));

        ImportCsvResponse last = progress.get(progress.size() - 1);
        assertThat(last.getDone()).isTrue();
        assertThat(last.getRejectedCount()).isEqualTo(3_000);
        assertThat(last.getRejectionsOmitted()).isEqualTo(2_000);
        assertThat(last.getReport().getAccepted()).isEqualTo(1);
        assertThat(last.getReport().getRejectedList()).hasSize(1_000);
        assertThat(last.getReport().getRejected(0))
                .extracting(Rejection::getRow, Rejection::getField)
                .containsExactly(2, "open");
        assertThat(progress)
                .extracting(ImportCsvResponse::getNewRejectionsCount)
                .containsExactly(1_000, 0, 0, 0);
        assertThat(progress.subList(0, progress.size() - 1))
                .allSatisfy(message ->
                        assertThat(message.getReport().getRejectedList()).isEmpty());
        assertThat(sqlLong("SELECT count(*) FROM ingest.daily_bar WHERE symbol = 'HXCSV'"))
                .isEqualTo(1);
    }

    private List<ImportCsvResponse> importCsv(ImportCsvRequest request) {
        List<ImportCsvResponse> responses = new ArrayList<>();
        client().importCsv(request).forEachRemaining(responses::add);
        return responses;
    }

    private static ImportCsvRequest csv(String symbol, String content) {
        return ImportCsvRequest.newBuilder()
                .setSymbol(symbol)
                .setContent(ByteString.copyFromUtf8(content))
                .build();
    }

    private List<Double> splitAdjustedCloses(String symbol) {
        return client()
                .getBars(GetBarsRequest.newBuilder()
                        .setSymbol(symbol)
                        .setAdjustment(Adjustment.ADJUSTMENT_SPLIT)
                        .build())
                .getBarsList()
                .stream()
                .map(DailyBar::getClose)
                .toList();
    }

    private static Instrument.Builder instrument(String symbol) {
        return Instrument.newBuilder()
                .setSymbol(symbol)
                .setName("Acme")
                .setCurrency("USD")
                .setKind(InstrumentKind.INSTRUMENT_KIND_EQUITY);
    }

    private void assertInstrumentRefused(Instrument.Builder instrument, String field) throws Exception {
        BarsGrpcTest.assertField(
                () -> client().upsertInstrument(UpsertInstrumentRequest.newBuilder()
                        .setInstrument(instrument)
                        .build()),
                field);
    }

    private static CorporateAction.Builder split(String symbol, String exDate, double ratio) {
        return CorporateAction.newBuilder()
                .setSymbol(symbol)
                .setExDate(exDate)
                .setKind(CorporateActionKind.CORPORATE_ACTION_KIND_SPLIT)
                .setRatio(ratio);
    }

    private void assertActionRefused(CorporateAction.Builder action, String field) throws Exception {
        BarsGrpcTest.assertField(
                () -> client().addCorporateAction(AddCorporateActionRequest.newBuilder()
                        .setAction(action)
                        .build()),
                field);
    }

    @Test
    void aStringFieldThatIsNotUtf8IsInvalidArgumentAndTheServerGoesOn() {
        MalformedRequestCheck.invalidUtf8IsRefused(
                IngestServiceGrpc.getListInstrumentsMethod(),
                ListInstrumentsRequest.getDefaultInstance(),
                ListInstrumentsRequest.SYMBOLS_FIELD_NUMBER);
    }

    @Test
    void aTickSymbolThatIsNotUtf8FailsTheTickStreamWithInvalidArgumentAndTheServerGoesOn() {
        MalformedRequestCheck.invalidUtf8IsRefused(
                IngestServiceGrpc.getIngestTicksMethod(),
                IngestTicksRequest.newBuilder().setSequence(1).build(),
                IngestTicksRequest.TICKS_FIELD_NUMBER,
                Tick.SYMBOL_FIELD_NUMBER);
    }
}
