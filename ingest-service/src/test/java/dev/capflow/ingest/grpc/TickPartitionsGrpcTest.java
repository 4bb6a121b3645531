package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.capflow.ingest.SqlRows;
import dev.capflow.ingest.repository.MonthPartitionRepository;
import dev.capflow.ingest.repository.PartitionedTable;
import dev.capflow.ingest.service.PartitionMaintenanceJob;
import dev.capflow.proto.ingest.v1.IngestTicksResponse;
import dev.capflow.testsupport.PostgresRedisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ingest.tick's monthly partitions: created ahead, exact at month edges, a DEFAULT for the rest, and the retention. */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class TickPartitionsGrpcTest extends GrpcTestBase {

    private static final Duration WAIT = Duration.ofSeconds(DEADLINE_SECONDS);

    @Inject
    PartitionMaintenanceJob job;

    @Inject
    MonthPartitionRepository partitions;

    @Test
    void partitionsExistForThisMonthAndTheThreeAfterIt() throws Exception {
        // the job reads the clock between these two; run at a month's end, they differ by a month, and the job's
        // "this month" may be either: the months both cover are asserted (all four on any other day)
        YearMonth before = YearMonth.now(ZoneOffset.UTC);
        job.maintain().await().atMost(WAIT);
        YearMonth after = YearMonth.now(ZoneOffset.UTC);
        List<String> partitionNames = strings("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'ingest.tick'::regclass ORDER BY 1""");
        for (YearMonth month = after; !month.isAfter(before.plusMonths(3)); month = month.plusMonths(1)) {
            assertThat(partitionNames).contains(name(month));
        }
        assertThat(partitionNames).contains("tick_default");
        assertThat(partitions
                        .ensure(PartitionedTable.TICK, List.of(after, before.plusMonths(3)))
                        .await()
                        .atMost(WAIT))
                .as("a second run creates nothing")
                .isEmpty();
    }

    @Test
    void ticksAtMonthEdgesLandInTheirPartitionsAndAMonthWithoutOneUsesTheDefault() throws Exception {
        register("PEDGE");
        partitions
                .ensure(PartitionedTable.TICK, List.of(YearMonth.of(2021, 3), YearMonth.of(2021, 4)))
                .await()
                .atMost(WAIT);
        Instant lastOfMarch = Instant.parse("2021-03-31T23:59:59.999999Z");
        Instant firstOfApril = Instant.parse("2021-04-01T00:00:00Z");
        Instant february = Instant.parse("2021-02-10T12:00:00Z");
        var ticks = batch(
                1,
                tick("PEDGE", lastOfMarch, 10, 1),
                tick("PEDGE", firstOfApril, 11, 1),
                tick("PEDGE", february, 9, 1));
        assertThat(reports(streamTicks(ticks))).containsExactly(tuple(3, 0));

        assertThat(placement("PEDGE"))
                .containsExactly(
                        "tick_default 2021-02-10 12:00:00",
                        "tick_p202103 2021-03-31 23:59:59.999999",
                        "tick_p202104 2021-04-01 00:00:00");

        // the February partition created later takes its tick out of the DEFAULT; a resend still finds every duplicate
        assertThat(partitions
                        .ensure(PartitionedTable.TICK, List.of(YearMonth.of(2021, 2)))
                        .await()
                        .atMost(WAIT))
                .containsExactly("2021-02");
        assertThat(placement("PEDGE")).first().isEqualTo("tick_p202102 2021-02-10 12:00:00");
        assertThat(reports(streamTicks(ticks))).containsExactly(tuple(0, 3));
        assertThat(sqlLong("SELECT count(*) FROM ingest.tick WHERE symbol = 'PEDGE'"))
                .isEqualTo(3);
    }

    @Test
    void retentionDropsOnlyWholeMonthsBeforeTheCutoffAndOldTicksOfTheDefault() throws Exception {
        register("PRET");
        partitions
                .ensure(PartitionedTable.TICK, List.of(YearMonth.of(2019, 1), YearMonth.of(2019, 2)))
                .await()
                .atMost(WAIT);
        streamTicks(batch(
                1,
                tick("PRET", Instant.parse("2018-12-31T23:59:59Z"), 5, 1),
                tick("PRET", Instant.parse("2019-01-31T23:59:59Z"), 6, 1),
                tick("PRET", Instant.parse("2019-02-01T00:00:00Z"), 7, 1),
                tick("PRET", Instant.parse("2019-02-20T00:00:00Z"), 8, 1)));

        // the cutoff falls inside February: January goes whole, February stays whole
        List<String> dropped = partitions
                .dropBefore(PartitionedTable.TICK, Instant.parse("2019-02-10T00:00:00Z"))
                .await()
                .atMost(WAIT);

        assertThat(dropped).containsExactly("tick_p201901");
        assertThat(placement("PRET"))
                .containsExactly("tick_p201902 2019-02-01 00:00:00", "tick_p201902 2019-02-20 00:00:00");
        assertThat(sqlLong("SELECT count(*) FROM pg_class WHERE relname = 'tick_p201901'"))
                .isZero();
    }

    private static String name(YearMonth month) {
        return String.format("tick_p%04d%02d", month.getYear(), month.getMonthValue());
    }

    private static List<org.assertj.core.groups.Tuple> reports(List<IngestTicksResponse> acks) {
        return acks.stream()
                .map(IngestTicksResponse::getReport)
                .map(report -> tuple(report.getAccepted(), report.getDuplicates()))
                .toList();
    }

    /** "partition ts" of each tick of the symbol, oldest first (ts in UTC). */
    private static List<String> placement(String symbol) throws SQLException {
        return strings(
                "SELECT (SELECT relname FROM pg_class WHERE oid = tick.tableoid) || ' ' || to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')"
                        + " || CASE WHEN extract(microseconds FROM ts)::bigint % 1000000 = 0 THEN '' ELSE '.'"
                        + " || lpad((extract(microseconds FROM ts)::bigint % 1000000)::text, 6, '0') END"
                        + " FROM ingest.tick WHERE symbol = '" + symbol + "' ORDER BY ts");
    }

    private static List<String> strings(String sql) throws SQLException {
        return SqlRows.strings(PostgresRedisResource.datastores().connect(), sql);
    }
}
