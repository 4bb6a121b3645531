package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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
                    "capflow.ingest.minute-bar-retention", "P3Y");
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
