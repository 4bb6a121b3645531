package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import dev.capflow.proto.common.v1.IngestReport;
import dev.capflow.proto.common.v1.Rejection;
import dev.capflow.proto.ingest.v1.AddCorporateActionRequest;
import dev.capflow.proto.ingest.v1.AddCorporateActionResponse;
import dev.capflow.proto.ingest.v1.Adjustment;
import dev.capflow.proto.ingest.v1.BarWriteMode;
import dev.capflow.proto.ingest.v1.CorporateAction;
import dev.capflow.proto.ingest.v1.CorporateActionKind;
import dev.capflow.proto.ingest.v1.DailyBar;
import dev.capflow.proto.ingest.v1.DeleteCorporateActionRequest;
import dev.capflow.proto.ingest.v1.GetBarsRequest;
import dev.capflow.proto.ingest.v1.GetBarsResponse;
import dev.capflow.proto.ingest.v1.ImportCsvRequest;
import dev.capflow.proto.ingest.v1.ImportCsvResponse;
import dev.capflow.proto.ingest.v1.IngestBarsRequest;
import dev.capflow.proto.ingest.v1.ListCorporateActionsRequest;
import dev.capflow.testsupport.PostgresRedisResource;
import dev.capflow.testsupport.RacedWrites;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The hand-checked example of BarAdjusterTest, end to end: a 2-for-1 split then a 0.53 dividend. */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class CorporateActionsGrpcTest extends GrpcTestBase {

    /** The first key of the dividend locks (ingest-service's DividendLocks). */
    private static final int DIVIDEND_LOCK_CLASS = 0x43444956;

    private AddCorporateActionResponse add(CorporateAction.Builder action) {
        return client().addCorporateAction(
                        AddCorporateActionRequest.newBuilder().setAction(action).build());
    }

    private static CorporateAction.Builder split(String symbol, String exDate, double ratio) {
        return CorporateAction.newBuilder()
                .setSymbol(symbol)
                .setExDate(exDate)
                .setKind(CorporateActionKind.CORPORATE_ACTION_KIND_SPLIT)
                .setRatio(ratio);
    }

    private static CorporateAction.Builder dividend(String symbol, String exDate, double amount) {
        return CorporateAction.newBuilder()
                .setSymbol(symbol)
                .setExDate(exDate)
                .setKind(CorporateActionKind.CORPORATE_ACTION_KIND_DIVIDEND)
                .setAmount(amount);
    }

    private GetBarsResponse bars(String symbol, Adjustment adjustment, String to) {
        return client().getBars(GetBarsRequest.newBuilder()
                .setSymbol(symbol)
                .setAdjustment(adjustment)
                .setTo(to)
                .build());
    }

    @Test
    void adjustsBarsForSplitsAndDividends() {
        register("ADJ");
        client().ingestBars(IngestBarsRequest.newBuilder()
                .addBars(bar("ADJ", "2025-01-02", 99, 101, 98, 100, 1_000))
                .addBars(bar("ADJ", "2025-01-03", 100, 105, 100, 104, 1_200))
                .addBars(bar("ADJ", "2025-01-06", 52, 54, 51, 53, 2_600))
                .addBars(bar("ADJ", "2025-01-07", 53, 55, 52, 54, 2_000))
                .build());
        assertThat(add(dividend("adj", "2025-01-07", 0.53)).getCreated()).isTrue();
        assertThat(add(split("ADJ", "2025-01-06", 2)).getCreated()).isTrue();

        GetBarsResponse raw = bars("ADJ", Adjustment.ADJUSTMENT_UNSPECIFIED, "");
        assertThat(raw.getAdjustment()).isEqualTo(Adjustment.ADJUSTMENT_NONE);
        assertThat(raw.getBarsList()).extracting(DailyBar::getClose).containsExactly(100.0, 104.0, 53.0, 54.0);

        GetBarsResponse split = bars("ADJ", Adjustment.ADJUSTMENT_SPLIT, "");
        assertThat(split.getBarsList())
                .extracting(DailyBar::getClose, DailyBar::getVolume)
                .containsExactly(tuple(50.0, 2_000L), tuple(52.0, 2_400L), tuple(53.0, 2_600L), tuple(54.0, 2_000L));

        // CRSP: bars before the ex-date scaled by P_ex / (P_ex + D) = 54 / 54.53
        double factor = 54 / 54.53;
        GetBarsResponse total = bars("ADJ", Adjustment.ADJUSTMENT_TOTAL_RETURN, "");
        assertThat(total.getBarsList())
                .extracting(DailyBar::getClose)
                .satisfiesExactly(
                        close -> assertThat(close).isCloseTo(50 * factor, within(1e-9)),
                        close -> assertThat(close).isCloseTo(52 * factor, within(1e-9)),
                        close -> assertThat(close).isCloseTo(53 * factor, within(1e-9)),
                        close -> assertThat(close).isEqualTo(54.0));

        // a window ending before both ex-dates is still restated by them
        GetBarsResponse early = bars("ADJ", Adjustment.ADJUSTMENT_TOTAL_RETURN, "2025-01-03");
        assertThat(early.getBarsList()).extracting(DailyBar::getDate).containsExactly("2025-01-02", "2025-01-03");
        assertThat(early.getBars(1).getClose()).isCloseTo(52 * factor, within(1e-9));
    }

    @Test
    void actionsDeletedAtOnceEndPromptlyEachOnce() throws Exception {
        register("RACE");
        List<String> exDates = List.of("2024-01-08", "2024-02-08", "2024-03-08", "2024-04-08");
        for (int round = 0; round < 3; round++) {
            exDates.forEach(exDate -> add(split("RACE", exDate, 2)));
            List<Runnable> deletes = new ArrayList<>();
            for (String exDate : exDates) {
                Runnable delete = () -> client().deleteCorporateAction(DeleteCorporateActionRequest.newBuilder()
                        .setSymbol("RACE")
                        .setExDate(exDate)
                        .setKind(CorporateActionKind.CORPORATE_ACTION_KIND_SPLIT)
                        .build());
                deletes.add(delete);
                deletes.add(delete);
            }
            List<Status.Code> codes = RacedWrites.codes(deletes, Duration.ofSeconds(DEADLINE_SECONDS / 2));
            for (int action = 0; action < exDates.size(); action++) {
                assertThat(codes.subList(2 * action, 2 * action + 2))
                        .as("round %d, %s", round, exDates.get(action))
                        .containsExactlyInAnyOrder(Status.Code.OK, Status.Code.NOT_FOUND);
            }
            assertThat(sqlLong("select count(*) from ingest.corporate_action where symbol = 'RACE'"))
                    .isZero();
        }
        RacedWrites.assertNoTransactionLeftOpen();
    }

    @Test
    void recordsIdempotentlyAndRefusesConflicts() {
        register("CA");
        client().ingestBars(IngestBarsRequest.newBuilder()
                .addBars(bar("CA", "2025-11-18", 40))
                .build());
        assertThat(add(dividend("CA", "2025-11-20", 0.91)).getCreated()).isTrue();
        AddCorporateActionResponse again = add(dividend("CA", "2025-11-20", 0.91));
        assertThat(again.getCreated()).isFalse();
        assertThat(again.getAction().getAmount()).isEqualTo(0.91);
        // announced: a future ex-date up to a year ahead
        String announced = LocalDate.now(ZoneOffset.UTC).plusMonths(11).toString();
        assertThat(add(split("CA", announced, 4)).getCreated())
                .as("announced, future ex-date")
                .isTrue();

        StatusRuntimeException conflict =
                catchThrowableOfType(StatusRuntimeException.class, () -> add(dividend("CA", "2025-11-20", 0.95)));
        assertThat(conflict.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);

        assertThat(client().listCorporateActions(ListCorporateActionsRequest.newBuilder()
                                .setSymbol("ca")
                                .build())
                        .getActionsList())
                .extracting(CorporateAction::getExDate, CorporateAction::getKind)
                .containsExactly(
                        tuple("2025-11-20", CorporateActionKind.CORPORATE_ACTION_KIND_DIVIDEND),
                        tuple(announced, CorporateActionKind.CORPORATE_ACTION_KIND_SPLIT));
    }

    @Test
    void aDividendCorrectedByDeleteAndAddKeepsTheDeletedOne() throws Exception {
        register("CH");
        client().ingestBars(IngestBarsRequest.newBuilder()
                .addBars(bar("CH", "2025-11-18", 40))
                .build());
        add(dividend("CH", "2025-11-20", 0.5));
        client().deleteCorporateAction(DeleteCorporateActionRequest.newBuilder()
                .setSymbol("CH")
                .setExDate("2025-11-20")
                .setKind(CorporateActionKind.CORPORATE_ACTION_KIND_DIVIDEND)
                .build());
        add(dividend("CH", "2025-11-20", 0.7));

        assertThat(sqlLong("SELECT count(*) FROM ingest.corporate_action WHERE symbol = 'CH' AND amount = 0.7"))
                .isEqualTo(1);
        assertThat(sqlLong("SELECT count(*) FROM ingest.corporate_action_revision WHERE symbol = 'CH'"
                        + " AND ex_date = DATE '2025-11-20' AND kind = 'DIVIDEND' AND amount = 0.5"
                        + " AND deleted_at >= stored_at"))
                .as("the deleted dividend is kept")
                .isEqualTo(1);
    }

    @Test
    void badActionsAreNamed() throws Exception {
        register("CB");
        client().ingestBars(IngestBarsRequest.newBuilder()
                .addBars(bar("CB", "2025-11-18", 40))
                .build());
        BarsGrpcTest.assertField(() -> add(dividend("CB", "2025-11-20", 40)), "action.amount");
        BarsGrpcTest.assertField(() -> add(split("CB", "2025-11-20", 4).setKindValue(0)), "action.kind");
        BarsGrpcTest.assertField(() -> add(split("CB", "20251120", 4)), "action.ex_date");
        BarsGrpcTest.assertField(() -> add(split("CB", "2025-11-20", 0)), "action.ratio");
        BarsGrpcTest.assertField(
                () -> client().addCorporateAction(AddCorporateActionRequest.getDefaultInstance()), "action");
        StatusRuntimeException unknown =
                catchThrowableOfType(StatusRuntimeException.class, () -> add(split("NOPE", "2025-11-20", 2)));
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        StatusRuntimeException unknownList = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client().listCorporateActions(ListCorporateActionsRequest.newBuilder()
                        .setSymbol("NOPE")
                        .build()));
        assertThat(unknownList.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    private List<Double> closes(String symbol) {
        return bars(symbol, Adjustment.ADJUSTMENT_NONE, "").getBarsList().stream()
                .map(DailyBar::getClose)
                .toList();
    }

    @Test
    void aBarThatWouldBeADividendsPriorCloseMustCloseAboveIt() {
        register("CC");
        assertThat(add(dividend("CC", "2025-11-20", 5)).getCreated())
                .as("no bar before it yet")
                .isTrue();

        IngestReport inserted = writeBars(
                BarWriteMode.BAR_WRITE_MODE_INSERT,
                bar("CC", "2025-11-18", 6),
                bar("CC", "2025-11-19", 4),
                bar("CC", "2025-11-21", 3));
        assertThat(inserted.getAccepted()).isEqualTo(2);
        assertThat(inserted.getRejectedList())
                .extracting(Rejection::getIndex, Rejection::getField)
                .containsExactly(tuple(1, "close"));
        assertThat(inserted.getRejected(0).getReason())
                .contains("cash dividend of 5.0 that CC goes ex on 2025-11-20")
                .contains("got 4.0");
        // without 2025-11-19, the 2025-11-18 close of 6 is the prior close; a close after the ex-date may be lower
        assertThat(closes("CC")).containsExactly(6.0, 3.0);

        IngestReport corrected = writeBars(
                BarWriteMode.BAR_WRITE_MODE_REPLACE, bar("CC", "2025-11-21", 3.5), bar("CC", "2025-11-18", 5));
        assertThat(corrected.getReplaced()).isEqualTo(1);
        assertThat(corrected.getRejectedList())
                .extracting(Rejection::getIndex, Rejection::getField)
                .containsExactly(tuple(1, "close"));
        assertThat(closes("CC"))
                .as("the correction at or below the dividend is not stored")
                .containsExactly(6.0, 3.5);

        List<ImportCsvResponse> imported = new ArrayList<>();
        client().importCsv(ImportCsvRequest.newBuilder()
                        .setSymbol("CC")
                        .setContent(ByteString.copyFromUtf8(
                                "Date,Open,High,Low,Close,Volume\n2025-11-19,5,6,4,5,100\n2025-11-24,4,5,3,4,100\n"))
                        .build())
                .forEachRemaining(imported::add);
        IngestReport csv = imported.get(imported.size() - 1).getReport();
        assertThat(csv.getRejectedList())
                .extracting(Rejection::getRow, Rejection::getField)
                .containsExactly(tuple(2, "close"));
        assertThat(closes("CC")).containsExactly(6.0, 3.5, 4.0);
        assertThat(bars("CC", Adjustment.ADJUSTMENT_TOTAL_RETURN, "").getBarsCount())
                .isEqualTo(3);
    }

    @Test
    void aDividendLeftAtItsPriorCloseMakesTotalReturnAFailedPrecondition() throws Exception {
        register("CD");
        client().ingestBars(IngestBarsRequest.newBuilder()
                .addBars(bar("CD", "2025-11-19", 6))
                .build());
        assertThat(add(dividend("CD", "2025-11-20", 5)).getCreated()).isTrue();
        // what a write that bypasses the service could leave (the service's bar writes and dividends take turns)
        assertThat(sqlLong("WITH changed AS (UPDATE ingest.daily_bar SET close = 4, low = 3"
                        + " WHERE symbol = 'CD' RETURNING 1) SELECT count(*) FROM changed"))
                .isEqualTo(1);
        StatusRuntimeException error = catchThrowableOfType(
                StatusRuntimeException.class, () -> bars("CD", Adjustment.ADJUSTMENT_TOTAL_RETURN, ""));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(error.getStatus().getDescription()).contains("not below the prior close 4.0");
        assertThat(bars("CD", Adjustment.ADJUSTMENT_SPLIT, "").getBarsCount()).isEqualTo(1);
    }

    @Test
    void aBarWriteWaitsForADividendBeingRecordedAndIsCheckedAgainstIt() throws Exception {
        register("CE");
        CompletableFuture<IngestReport> write = afterATransactionHoldingTheLock(
                "CE",
                "pg_advisory_xact_lock",
                "INSERT INTO ingest.corporate_action (symbol, ex_date, kind, amount)"
                        + " VALUES ('CE', DATE '2025-11-20', 'DIVIDEND', 5)",
                "the bar write waits for the dividend's transaction",
                () -> mutiny().ingestBars(IngestBarsRequest.newBuilder()
                                .addBars(bar("CE", "2025-11-19", 4))
                                .build())
                        .map(response -> response.getReport())
                        .subscribeAsCompletionStage());
        IngestReport report = write.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        assertThat(report.getAccepted()).isZero();
        assertThat(report.getRejectedList())
                .extracting(Rejection::getIndex, Rejection::getField)
                .containsExactly(tuple(0, "close"));
        assertThat(closes("CE")).isEmpty();
    }

    @Test
    void aDividendWaitsForABarWriteAndIsCheckedAgainstItsBars() throws Exception {
        register("CF");
        CompletableFuture<AddCorporateActionResponse> recording = afterATransactionHoldingTheLock(
                "CF",
                "pg_advisory_xact_lock_shared",
                "INSERT INTO ingest.daily_bar (symbol, date, open, high, low, close, volume)"
                        + " VALUES ('CF', DATE '2025-11-19', 4, 4, 4, 4, 100)",
                "the dividend waits for the bar write's transaction",
                () -> mutiny().addCorporateAction(AddCorporateActionRequest.newBuilder()
                                .setAction(dividend("CF", "2025-11-20", 5))
                                .build())
                        .subscribeAsCompletionStage());
        ExecutionException failed =
                catchThrowableOfType(ExecutionException.class, () -> recording.get(DEADLINE_SECONDS, TimeUnit.SECONDS));
        StatusRuntimeException error = (StatusRuntimeException) failed.getCause();
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(error.getStatus().getDescription()).contains("not below the close 4.0");
        assertThat(client().listCorporateActions(ListCorporateActionsRequest.newBuilder()
                                .setSymbol("CF")
                                .build())
                        .getActionsCount())
                .isZero();
    }

    @Test
    void theSameActionSentTwiceAtOnceIsRecordedOnceAndTheLoserHearsItIsAlreadyRecorded() throws Exception {
        register("CG");
        CompletableFuture<AddCorporateActionResponse> loser;
        try (Connection winner = PostgresRedisResource.datastores().connect()) {
            // the winner's insert, not yet committed: the service finds no row, inserts, and waits on the unique key
            winner.setAutoCommit(false);
            execute(
                    winner,
                    "INSERT INTO ingest.corporate_action (symbol, ex_date, kind, ratio)"
                            + " VALUES ('CG', DATE '2025-11-21', 'SPLIT', 2)");
            loser = mutiny().addCorporateAction(AddCorporateActionRequest.newBuilder()
                            .setAction(split("CG", "2025-11-21", 2))
                            .build())
                    .subscribeAsCompletionStage();
            await().atMost(Duration.ofSeconds(DEADLINE_SECONDS))
                    .until(() ->
                            sqlLong("SELECT count(*) FROM pg_locks WHERE locktype = 'transactionid' AND NOT granted")
                                    == 1);
            winner.commit();
        }

        AddCorporateActionResponse answer = loser.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        assertThat(answer.getCreated())
                .as("already recorded, as a resend is answered")
                .isFalse();
        assertThat(answer.getAction().getRatio()).isEqualTo(2);
        assertThat(sqlLong("SELECT count(*) FROM ingest.corporate_action WHERE symbol = 'CG'"))
                .isEqualTo(1);
    }

    /**
     * Starts {@code call} while a test transaction holds {@code symbol}'s dividend lock (taken with {@code lockFunction})
     * and has run {@code sql}, checks that the call waits for it ({@code waiting} says why), commits, and answers the
     * call's outcome.
     */
    private static <T> CompletableFuture<T> afterATransactionHoldingTheLock(
            String symbol, String lockFunction, String sql, String waiting, Supplier<CompletableFuture<T>> call)
            throws SQLException {
        try (Connection transaction = PostgresRedisResource.datastores().connect()) {
            transaction.setAutoCommit(false);
            holdDividendLock(transaction, symbol, lockFunction);
            execute(transaction, sql);
            CompletableFuture<T> outcome = call.get();
            awaitLockWaiter();
            assertThat(outcome).as(waiting).isNotDone();
            transaction.commit();
            return outcome;
        }
    }

    /** Takes the lock that a dividend being recorded (exclusive) or a bar write (shared) holds for {@code symbol}. */
    private static void holdDividendLock(Connection connection, String symbol, String function) throws SQLException {
        try (PreparedStatement lock =
                connection.prepareStatement("SELECT " + function + "(" + DIVIDEND_LOCK_CLASS + ", hashtext(?))")) {
            lock.setString(1, symbol);
            lock.executeQuery().close();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    /** Waits until a transaction waits for an advisory lock. */
    private static void awaitLockWaiter() {
        await().atMost(Duration.ofSeconds(DEADLINE_SECONDS))
                .until(() -> sqlLong("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") == 1);
    }
}
