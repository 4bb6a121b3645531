package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capflow.ingest.repository.MonthPartitionRepository;
import dev.capflow.ingest.repository.PartitionedTable;
import dev.capflow.ingest.service.PartitionMaintenanceJob;
import dev.capflow.proto.ingest.v1.GetMinuteBarsRequest;
import dev.capflow.proto.ingest.v1.GetTicksRequest;
import dev.capflow.testsupport.PostgresRedisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Minute bars keep their own retention (P3Y here), independent of the ticks' (P1Y): a month of bars past it goes
 * whole, a bar past only the ticks' retention stays although its ticks are gone, and recent bars and ticks stay.
 */
@QuarkusTest
@TestProfile(MinuteBarRetentionGrpcTest.Retentions.class)
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class MinuteBarRetentionGrpcTest extends GrpcTestBase {

    private static final Duration WAIT = Duration.ofSeconds(DEADLINE_SECONDS);

    public static class Retentions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "capflow.ingest.tick-retention", "P1Y",
                    "capflow.ingest.minute-bar-retention", "P3Y",
                    // the race below folds by hand
                    "capflow.ingest.minute-bar-fold-every", "PT1H",
                    // the tests apply the retention by hand: the job's run at start must not drop a bar they just wrote
                    "quarkus.scheduler.start-mode", "halted");
        }
    }

    @Inject
    PartitionMaintenanceJob job;

    @Inject
    MonthPartitionRepository partitions;

    @Test
    void eachTableKeepsItsOwnRetentionReadThroughGetMinuteBarsAndGetTicks() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant fiveYearsAgo = now.atOffset(ZoneOffset.UTC).minusYears(5).toInstant();
        Instant twoYearsAgo = now.atOffset(ZoneOffset.UTC).minusYears(2).toInstant();
        Instant recent = now.minus(Duration.ofMinutes(2));
        YearMonth oldMonth = YearMonth.from(fiveYearsAgo.atOffset(ZoneOffset.UTC));
        register("MRET");
        // the oldest month has partitions of its own (dropped whole); the middle one sits in the DEFAULT partitions
        partitions
                .ensure(PartitionedTable.MINUTE_BAR, List.of(oldMonth))
                .await()
                .atMost(WAIT);
        partitions.ensure(PartitionedTable.TICK, List.of(oldMonth)).await().atMost(WAIT);
        streamTicks(batch(
                0,
                tick("MRET", fiveYearsAgo.plusSeconds(5), 10, 1),
                tick("MRET", twoYearsAgo.plusSeconds(5), 20, 2),
                tick("MRET", recent.plusSeconds(5), 30, 3)));
        assertThat(minuteBars()).containsExactly(fiveYearsAgo + " 10.0", twoYearsAgo + " 20.0", recent + " 30.0");

        job.maintain().await().atMost(WAIT);

        assertThat(minuteBars()).containsExactly(twoYearsAgo + " 20.0", recent + " 30.0");
        assertThat(ticks()).containsExactly(recent.plusSeconds(5) + " 30.0");
        assertThat(sqlLong(String.format(
                        "SELECT count(*) FROM pg_class WHERE relname = 'minute_bar_p%04d%02d'",
                        oldMonth.getYear(), oldMonth.getMonthValue())))
                .isZero();
    }

    /**
     * A fold that took the pending part of a month past the retention, and merged it into the DEFAULT partition, does
     * not bring the month's bar back when the retention runs before the fold commits: the retention waits for it.
     */
    @Test
    void aFoldInFlightDuringTheRetentionBringsNoDroppedBarBack() throws Exception {
        OffsetDateTime now = Instant.now().truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC);
        Timestamp twoYearsAgo = Timestamp.from(now.minusYears(2).toInstant());
        Timestamp cutoff = Timestamp.from(now.minusYears(1).toInstant());
        String retention = "SELECT count(*) FROM ingest.drop_month_partitions_before('minute_bar', 'minute', ?)";
        try (Connection folder = PostgresRedisResource.datastores().connect();
                Connection retainer = PostgresRedisResource.datastores().connect()) {
            // no month partition is left to drop below: the race is then between the fold and the DELETEs alone
            execute(retainer, retention, cutoff);
            execute(
                    folder,
                    "INSERT INTO ingest.minute_bar_pending (symbol, minute, open, high, low, close, volume, tick_count,"
                            + " open_ts, open_source, open_trade_id, close_ts, close_source, close_trade_id)"
                            + " VALUES ('MRACE', ?, 7, 7, 7, 7, 1, 1, ?, 'race', '1', ?, 'race', '1')",
                    twoYearsAgo,
                    twoYearsAgo,
                    twoYearsAgo);
            folder.setAutoCommit(false);
            execute(folder, "SELECT ingest.fold_minute_bars()");
            long retainerPid = backendPid(retainer);

            CompletableFuture<Void> retained = CompletableFuture.runAsync(() -> {
                try {
                    execute(retainer, retention, cutoff);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(WAIT)
                    .until(() ->
                            sqlLong("SELECT count(*) FROM pg_locks WHERE NOT granted AND pid = " + retainerPid) > 0);
            folder.commit();
            retained.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        assertThat(sqlLong("SELECT count(*) FROM ingest.minute_bar_current WHERE symbol = 'MRACE'"))
                .isZero();
    }

    private static void execute(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.execute();
        }
    }

    private static long backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** "minute close" of every minute bar of MRET, oldest first. */
    private List<String> minuteBars() {
        return client()
                .getMinuteBars(GetMinuteBarsRequest.newBuilder()
                        .setSymbol("MRET")
                        .setPageSize(100)
                        .build())
                .getBarsList()
                .stream()
                .map(bar -> Instant.ofEpochSecond(bar.getMinute().getSeconds()) + " " + bar.getClose())
                .toList();
    }

    /** "ts price" of every tick of MRET, oldest first. */
    private List<String> ticks() {
        return client()
                .getTicks(GetTicksRequest.newBuilder()
                        .setSymbol("MRET")
                        .setPageSize(100)
                        .build())
                .getTicksList()
                .stream()
                .map(tick -> Instant.ofEpochSecond(tick.getTs().getSeconds()) + " " + tick.getPrice())
                .toList();
    }
}
