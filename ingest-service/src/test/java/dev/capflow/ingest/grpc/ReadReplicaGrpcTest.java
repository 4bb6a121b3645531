package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.capflow.ingest.repository.ReplicaDatabaseResource;
import dev.capflow.ingest.repository.ReplicaProfile;
import dev.capflow.proto.ingest.v1.GetBarsRequest;
import dev.capflow.proto.ingest.v1.GetMinuteBarsRequest;
import dev.capflow.proto.ingest.v1.GetTicksRequest;
import dev.capflow.proto.ingest.v1.IngestBarsRequest;
import dev.capflow.proto.ingest.v1.MinuteBar;
import dev.capflow.testsupport.PostgresRedisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * With capflow.ingest.read-replica.url set, history reads come from the replica and writes stay on the primary. The
 * "replica" is a second database whose content differs on purpose, so the answer shows where it was read.
 */
@QuarkusTest
@TestProfile(ReplicaProfile.class)
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class ReadReplicaGrpcTest extends GrpcTestBase {

    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    @Test
    void historyReadsGoToTheReplicaAndWritesStayOnThePrimary() throws Exception {
        register("RREP");
        streamTicks(batch(1, tick("RREP", T, 10, 1)));
        client().ingestBars(IngestBarsRequest.newBuilder()
                .addBars(bar("RREP", "2024-04-30", 50))
                .build());
        onReplica(
                "INSERT INTO ingest.instrument (symbol, name, currency, kind) VALUES ('RREP', 'R', 'USD', 'EQUITY')",
                "INSERT INTO ingest.tick (symbol, ts, price, size) VALUES ('RREP', '2024-05-01T10:00:30Z', 77, 3)",
                "INSERT INTO ingest.daily_bar (symbol, date, open, high, low, close, volume)"
                        + " VALUES ('RREP', '2024-04-30', 60, 61, 59, 60, 1)",
                "INSERT INTO ingest.minute_bar VALUES ('RREP', '2024-05-01T10:00:00Z', 77, 77, 77, 77, 3, 1,"
                        + " '2024-05-01T10:00:30Z', '', '', '2024-05-01T10:00:30Z', '', '')");

        GetTicksRequest.Builder ticks =
                GetTicksRequest.newBuilder().setSymbol("RREP").setFrom(timestamp(T.minusSeconds(3600)));
        assertThat(client().getTicks(ticks.setTo(timestamp(T.plusSeconds(3600))).build())
                        .getTicksList())
                .extracting(dev.capflow.proto.ingest.v1.Tick::getPrice)
                .containsExactly(77.0);
        assertThat(client().getMinuteBars(GetMinuteBarsRequest.newBuilder()
                                .setSymbol("RREP")
                                .setFrom(timestamp(T.minusSeconds(3600)))
                                .setTo(timestamp(T.plusSeconds(3600)))
                                .build())
                        .getBarsList())
                .extracting(MinuteBar::getClose, MinuteBar::getVolume)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(77.0, 3L));
        assertThat(client().getBars(
                                GetBarsRequest.newBuilder().setSymbol("RREP").build())
                        .getBarsList())
                .extracting(dev.capflow.proto.ingest.v1.DailyBar::getClose)
                .containsExactly(60.0);

        // an open-ended range reaches into the fresh window: the primary answers
        assertThat(client().getTicks(ticks.clearTo().build()).getTicksList())
                .extracting(dev.capflow.proto.ingest.v1.Tick::getPrice)
                .containsExactly(10.0);

        assertThat(sqlLong("SELECT count(*) FROM ingest.tick WHERE symbol = 'RREP' AND price = 10"))
                .isEqualTo(1);
        assertThat(sqlLong("SELECT count(*) FROM ingest.minute_bar_current WHERE symbol = 'RREP' AND close = 10"))
                .isEqualTo(1);
        assertThat(onReplicaLong("SELECT count(*) FROM ingest.tick WHERE price = 10"))
                .as("no write on the replica")
                .isZero();
        assertThat(onReplicaLong("SELECT count(*) FROM ingest.daily_bar WHERE close = 50"))
                .isZero();
    }

    private static void onReplica(String... statements) throws SQLException {
        try (Connection connection = ReplicaDatabaseResource.replica().connect();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long onReplicaLong(String sql) throws SQLException {
        try (Connection connection = ReplicaDatabaseResource.replica().connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
