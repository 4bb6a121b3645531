package dev.capflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capflow.devstack.embedded.EmbeddedPostgresServer;
import dev.capflow.devstack.postgres.PgUrl;
import dev.capflow.devstack.stack.ServiceProcess;
import dev.capflow.devstack.stack.StackDatastores;
import dev.capflow.proto.ingest.v1.IngestTicksRequest;
import dev.capflow.proto.ingest.v1.IngestTicksResponse;
import dev.capflow.testsupport.BearerChannels;
import dev.capflow.testsupport.Datastores;
import dev.capflow.testsupport.ResendingTickStreamer;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stops and comes back while a producer streams ticks into ingest-service: the producer resends
 * what was not acknowledged, and in the end every tick is stored exactly once.
 */
class TickStreamSurvivesPostgresRestartIT {

    private static final String SYMBOL = "PGRESTART";
    private static final int BATCH_SIZE = 500;
    private static final int BATCHES = 200;
    private static final TickBatches TICKS = new TickBatches(
            SYMBOL, Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), BATCH_SIZE);

    @TempDir
    static Path postgresHome;

    /** Redis only: PostgreSQL is the embedded server this test restarts. */
    private static Datastores redis;

    private static EmbeddedPostgresServer postgres;
    private static int postgresPort;
    private static ServiceProcess ingest;
    private static ManagedChannel channel;

    @BeforeAll
    static void startServices() throws Exception {
        redis = Datastores.start(3);
        postgres = EmbeddedPostgresServer.start(postgresHome, 0);
        postgresPort = postgres.port();
        StackDatastores datastores = new StackDatastores(
                new PgUrl("127.0.0.1", postgresPort, "postgres", null),
                EmbeddedPostgresServer.USER,
                "",
                redis.redisUrl());
        ingest = ServiceEnv.start(ServiceEnv.stack(datastores, "ingest-service"), "ingest-service");
        channel = IngestGrpc.channel(ingest);
        IngestGrpc.registerEquity(channel, SYMBOL);
    }

    @AfterAll
    static void stopServices() throws Exception {
        channel.shutdownNow();
        ingest.close();
        postgres.close();
        redis.close();
    }

    @Test
    void everyTickIsStoredExactlyOnceAcrossAPostgresRestart() throws Exception {
        try (Connection connection = connectToPostgres();
                Statement statement = connection.createStatement();
                ResultSet fsync = statement.executeQuery("SHOW fsync")) {
            assertThat(fsync.next()).isTrue();
            assertThat(fsync.getString(1)).as("commits survive a crash").isEqualTo("on");
        }
        List<IngestTicksRequest> batches = TICKS.first(BATCHES);
        ResendingTickStreamer streamer = new ResendingTickStreamer(BearerChannels.admin(channel), 4);
        CompletableFuture<Map<Long, IngestTicksResponse>> sending =
                Async.call(() -> streamer.sendAll(batches, Duration.ofMinutes(2)));

        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> streamer.acknowledgedSequences().size() >= BATCHES * 3 / 10);
        postgres.close();
        int acknowledgedWhenStopped = streamer.acknowledgedSequences().size();
        Thread.sleep(2_000);
        postgres = EmbeddedPostgresServer.start(postgresHome, postgresPort);
        assertThat(postgres.port()).as("restarted on the same port").isEqualTo(postgresPort);
        Map<Long, IngestTicksResponse> acks = sending.get(2, TimeUnit.MINUTES);

        assertThat(acknowledgedWhenStopped).as("stopped mid-stream").isLessThan(BATCHES);
        assertThat(streamer.streamsOpened()).as("the outage broke the stream").isGreaterThan(1);
        assertThat(streamer.failures())
                .as("a database outage is reported as retryable")
                .extracting(Status::getCode)
                .containsOnly(Status.Code.UNAVAILABLE);
        assertThat(acks).hasSize(BATCHES);
        // a duplicate is a tick committed by an attempt whose acknowledgement the outage swallowed
        acks.values().forEach(ack -> {
            assertThat(ack.getReport().getRejectedList()).isEmpty();
            assertThat(ack.getReport().getAccepted() + ack.getReport().getDuplicates())
                    .isEqualTo(BATCH_SIZE);
        });
        try (Connection connection = connectToPostgres();
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM ingest.tick")) {
            assertThat(count.next()).isTrue();
            assertThat(count.getLong(1)).as("rows stored").isEqualTo(BATCHES * BATCH_SIZE);
            assertThat(TICKS.storedPerBatch(connection))
                    .as("every batch stored once, whole")
                    .hasSize(BATCHES)
                    .allSatisfy((sequence, stored) -> assertThat(stored).isEqualTo((long) BATCH_SIZE));
        }
    }

    private static Connection connectToPostgres() throws Exception {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres", EmbeddedPostgresServer.USER, "");
    }
}
