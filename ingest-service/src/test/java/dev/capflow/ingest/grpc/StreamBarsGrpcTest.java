package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capflow.proto.ingest.v1.AddCorporateActionRequest;
import dev.capflow.proto.ingest.v1.Adjustment;
import dev.capflow.proto.ingest.v1.BarWriteMode;
import dev.capflow.proto.ingest.v1.CloseColumns;
import dev.capflow.proto.ingest.v1.CorporateAction;
import dev.capflow.proto.ingest.v1.CorporateActionKind;
import dev.capflow.proto.ingest.v1.DailyBar;
import dev.capflow.proto.ingest.v1.IngestBarsRequest;
import dev.capflow.proto.ingest.v1.StreamBarsRequest;
import dev.capflow.proto.ingest.v1.StreamBarsResponse;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * StreamBars carries history too large for one gRPC message (4 MiB by default on the client) in bounded pieces
 * (the test profile sets 500 bars per piece, 3 symbols per read, 2 reads at once and at most 200 symbols per call).
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class StreamBarsGrpcTest extends GrpcTestBase {

    private static final int SYMBOLS = 100;
    private static final int DAYS = 1_000;
    private static final LocalDate FIRST = LocalDate.of(2020, 1, 1);

    @Test
    void historyLargerThanOneMessageArrivesInBoundedPiecesInRequestOrder() {
        List<String> symbols = new ArrayList<>();
        List<DailyBar> bars = new ArrayList<>();
        for (int s = 0; s < SYMBOLS; s++) {
            String symbol = String.format("LB%03d", s);
            register(symbol);
            symbols.add(symbol);
            List<LocalDate> dates = weekdays(DAYS);
            for (int d = 0; d < DAYS; d++) {
                bars.add(bar(symbol, dates.get(d).toString(), close(s, d)));
            }
        }
        for (int start = 0; start < bars.size(); start += 50_000) {
            assertThat(client().ingestBars(IngestBarsRequest.newBuilder()
                                    .addAllBars(bars.subList(start, Math.min(bars.size(), start + 50_000)))
                                    .build())
                            .getReport()
                            .getAccepted())
                    .isEqualTo(Math.min(50_000, bars.size() - start));
        }
        register("LBEMPTY");
        List<String> requested = new ArrayList<>(symbols);
        Collections.reverse(requested);
        requested.add(50, "LBEMPTY");

        Map<String, List<DailyBar>> streamed = new LinkedHashMap<>();
        long largestPiece = 0;
        long total = 0;
        Iterator<StreamBarsResponse> pieces = client().streamBars(StreamBarsRequest.newBuilder()
                .addAllSymbols(requested)
                .setAdjustment(Adjustment.ADJUSTMENT_SPLIT)
                .build());
        while (pieces.hasNext()) {
            StreamBarsResponse piece = pieces.next();
            assertThat(piece.getBarsCount()).isLessThanOrEqualTo(500);
            assertThat(piece.getAdjustment()).isEqualTo(Adjustment.ADJUSTMENT_SPLIT);
            largestPiece = Math.max(largestPiece, piece.getSerializedSize());
            total += piece.getSerializedSize();
            streamed.computeIfAbsent(piece.getSymbol(), s -> new ArrayList<>()).addAll(piece.getBarsList());
        }
        // more than one message may carry (gRPC's default limit is 4 MiB), in pieces far below it
        assertThat(total).isGreaterThan(4L << 20);
        assertThat(largestPiece).isLessThan(64 * 1024);
        assertThat(streamed.keySet()).containsExactlyElementsOf(requested);
        assertThat(streamed.get("LBEMPTY")).isEmpty();
        List<LocalDate> dates = weekdays(DAYS);
        for (int s = 0; s < SYMBOLS; s++) {
            List<DailyBar> series = streamed.get(symbols.get(s));
            assertThat(series).hasSize(DAYS);
            for (int d = 0; d < DAYS; d += 97) {
                assertThat(series.get(d).getDate()).isEqualTo(dates.get(d).toString());
                assertThat(series.get(d).getClose()).isEqualTo(close(s, d));
            }
        }
    }

    /**
     * closes_only answers the same dates and closes as whole bars, adjusted alike (a split, a dividend inside the window
     * and one after it), as packed columns of at most bars-per-piece closes, in request order across several rounds of
     * concurrent reads (the test profile: 3 symbols a read, 2 reads at once).
     */
    @Test
    void closesOnlyAnswersTheSameAdjustedClosesAsPackedColumns() {
        List<LocalDate> dates = weekdays(1_200);
        List<DailyBar> bars = new ArrayList<>();
        List<String> requested = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            String symbol = "LC" + s;
            register(symbol);
            requested.add(symbol);
            int days = s == 7 ? 1_200 : 20 + s;
            for (int d = 0; d < days; d++) {
                bars.add(bar(symbol, dates.get(d).toString(), close(s, d)));
            }
        }
        client().ingestBars(IngestBarsRequest.newBuilder().addAllBars(bars).build());
        register("LCEMPTY");
        requested.add(4, "LCEMPTY");
        addAction(CorporateActionKind.CORPORATE_ACTION_KIND_SPLIT, dates.get(400), 2);
        addAction(CorporateActionKind.CORPORATE_ACTION_KIND_DIVIDEND, dates.get(900), 0.25);
        addAction(CorporateActionKind.CORPORATE_ACTION_KIND_DIVIDEND, dates.get(1_150), 0.5);

        Map<Adjustment, Map<String, List<String>>> byAdjustment = new LinkedHashMap<>();
        for (Adjustment adjustment :
                List.of(Adjustment.ADJUSTMENT_NONE, Adjustment.ADJUSTMENT_SPLIT, Adjustment.ADJUSTMENT_TOTAL_RETURN)) {
            StreamBarsRequest request = StreamBarsRequest.newBuilder()
                    .addAllSymbols(requested)
                    .setFrom(dates.get(5).toString())
                    .setTo(dates.get(1_100).toString())
                    .setAdjustment(adjustment)
                    .build();
            Map<String, List<String>> asBars = new LinkedHashMap<>();
            client().streamBars(request)
                    .forEachRemaining(piece -> asBars.computeIfAbsent(piece.getSymbol(), s -> new ArrayList<>())
                            .addAll(piece.getBarsList().stream()
                                    .map(bar -> bar.getDate() + "=" + bar.getClose())
                                    .toList()));
            Map<String, List<String>> asColumns = new LinkedHashMap<>();
            client().streamBars(request.toBuilder().setClosesOnly(true).build()).forEachRemaining(piece -> {
                assertThat(piece.getBarsList()).isEmpty();
                assertThat(piece.getAdjustment()).isEqualTo(adjustment);
                CloseColumns columns = piece.getCloses();
                assertThat(columns.getEpochDaysCount())
                        .isEqualTo(columns.getClosesCount())
                        .isLessThanOrEqualTo(500);
                List<String> closes = asColumns.computeIfAbsent(piece.getSymbol(), s -> new ArrayList<>());
                for (int i = 0; i < columns.getEpochDaysCount(); i++) {
                    closes.add(LocalDate.ofEpochDay(columns.getEpochDays(i)) + "=" + columns.getCloses(i));
                }
            });
            assertThat(asColumns.keySet()).containsExactlyElementsOf(requested);
            assertThat(asColumns).isEqualTo(asBars);
            assertThat(asColumns.get("LC7")).hasSize(1_096);
            assertThat(asColumns.get("LCEMPTY")).isEmpty();
            byAdjustment.put(adjustment, asColumns);
        }
        // the adjustments did apply: the split halves the first close, the dividends (one after `to`) scale it further
        String first = dates.get(5) + "=";
        assertThat(byAdjustment.get(Adjustment.ADJUSTMENT_NONE).get("LC7").get(0))
                .isEqualTo(first + close(7, 5));
        assertThat(byAdjustment.get(Adjustment.ADJUSTMENT_SPLIT).get("LC7").get(0))
                .isEqualTo(first + close(7, 5) / 2);
        assertThat(byAdjustment
                        .get(Adjustment.ADJUSTMENT_TOTAL_RETURN)
                        .get("LC7")
                        .get(0))
                .isNotEqualTo(
                        byAdjustment.get(Adjustment.ADJUSTMENT_SPLIT).get("LC7").get(0));
    }

    private void addAction(CorporateActionKind kind, LocalDate exDate, double value) {
        CorporateAction.Builder action = CorporateAction.newBuilder()
                .setSymbol("LC7")
                .setExDate(exDate.toString())
                .setKind(kind);
        if (kind == CorporateActionKind.CORPORATE_ACTION_KIND_SPLIT) {
            action.setRatio(value);
        } else {
            action.setAmount(value);
        }
        client().addCorporateAction(
                        AddCorporateActionRequest.newBuilder().setAction(action).build());
    }

    /**
     * The closes read does not sort in SQL: bars stored newest first, in separate writes (and one corrected, which
     * stores a new version of its row), still arrive ascending by date, each with its own close.
     */
    @Test
    void closesOnlyAreAscendingWhateverOrderTheBarsWereStoredIn() {
        register("LR1");
        List<LocalDate> dates = weekdays(40);
        for (int d = dates.size() - 1; d >= 0; d -= 10) {
            IngestBarsRequest.Builder newestFirst = IngestBarsRequest.newBuilder();
            for (int i = d; i > d - 10; i--) {
                newestFirst.addBars(bar("LR1", dates.get(i).toString(), close(1, i)));
            }
            client().ingestBars(newestFirst.build());
        }
        client().ingestBars(IngestBarsRequest.newBuilder()
                .addBars(bar("LR1", dates.get(3).toString(), 99.5))
                .setMode(BarWriteMode.BAR_WRITE_MODE_REPLACE)
                .build());

        List<String> closes = new ArrayList<>();
        client().streamBars(StreamBarsRequest.newBuilder()
                        .addSymbols("LR1")
                        .setClosesOnly(true)
                        .build())
                .forEachRemaining(piece -> {
                    CloseColumns columns = piece.getCloses();
                    for (int i = 0; i < columns.getEpochDaysCount(); i++) {
                        closes.add(LocalDate.ofEpochDay(columns.getEpochDays(i)) + "=" + columns.getCloses(i));
                    }
                });

        List<String> expected = new ArrayList<>();
        for (int d = 0; d < dates.size(); d++) {
            expected.add(dates.get(d) + "=" + (d == 3 ? 99.5 : close(1, d)));
        }
        assertThat(closes).containsExactlyElementsOf(expected);
    }

    @Test
    void aWindowCutsEverySeriesAndBadRequestsAreRefusedBeforeAnyPiece() throws Exception {
        register("LW1");
        register("LW2");
        client().ingestBars(IngestBarsRequest.newBuilder()
                .addBars(bar("LW1", "2025-10-27", 10))
                .addBars(bar("LW1", "2025-10-28", 11))
                .addBars(bar("LW2", "2025-10-29", 20))
                .build());

        List<StreamBarsResponse> window = new ArrayList<>();
        client().streamBars(StreamBarsRequest.newBuilder()
                        .addSymbols("lw2")
                        .addSymbols("LW1")
                        .setFrom("2025-10-28")
                        .setTo("2025-10-28")
                        .build())
                .forEachRemaining(window::add);
        assertThat(window).extracting(StreamBarsResponse::getSymbol).containsExactly("LW2", "LW1");
        assertThat(window.get(0).getBarsList()).isEmpty();
        assertThat(window.get(1).getBarsList()).extracting(DailyBar::getClose).containsExactly(11.0);

        StatusRuntimeException unknown = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().streamBars(StreamBarsRequest.newBuilder()
                                .addSymbols("LW1")
                                .addSymbols("NOPE")
                                .build())
                        .hasNext());
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(unknown.getStatus().getDescription()).contains("NOPE");

        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= 200; i++) {
            tooMany.add("S" + i);
        }
        BarsGrpcTest.assertField(
                () -> client().streamBars(StreamBarsRequest.newBuilder()
                                .addAllSymbols(tooMany)
                                .build())
                        .hasNext(),
                "symbols");
        BarsGrpcTest.assertField(
                () -> client().streamBars(StreamBarsRequest.newBuilder()
                                .addSymbols("LW1")
                                .setFrom("2025-11-01")
                                .setTo("2025-10-01")
                                .build())
                        .hasNext(),
                "from");
    }

    private static double close(int symbol, int day) {
        return 50 + symbol + day / 100.0;
    }

    private static List<LocalDate> weekdays(int count) {
        List<LocalDate> dates = new ArrayList<>(count);
        for (LocalDate date = FIRST; dates.size() < count; date = date.plusDays(1)) {
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                dates.add(date);
            }
        }
        return dates;
    }
}
