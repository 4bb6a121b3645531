package dev.capflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capflow.devstack.stack.ServiceProcess;
import dev.capflow.devstack.stack.StackEnvironment;
import dev.capflow.proto.ingest.v1.GetLatestPricesRequest;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.IngestTicksResponse;
import dev.capflow.proto.ingest.v1.LatestPrice;
import dev.capflow.proto.ingest.v1.Tick;
import dev.capflow.testsupport.BearerChannels;
import dev.capflow.testsupport.Datastores;
import dev.capflow.testsupport.ResendingTickStreamer;
import io.grpc.ManagedChannel;
import java.sql.Connection;
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

/**
 * SIGTERM while a client streams ticks: the service drains and exits on its own within its shutdown
 * budget, every batch it acknowledged is stored in full, and a new process on the same database sees them.
 */
class SigtermDuringIngestIT {

    private static final String SYMBOL = "SIGTERM";
    private static final int BATCH_SIZE = 200;
    private static final TickBatches TICKS = new TickBatches(
            SYMBOL, Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), BATCH_SIZE);
    /** Shorter than the packaged 5s/30s to keep the test quick; the mechanism is the same. */
    private static final Duration SHUTDOWN_DELAY = Duration.ofSeconds(1);

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MARGIN = Duration.ofSeconds(10);
    /** The JVM's exit status after SIGTERM once its shutdown hooks (Quarkus' graceful shutdown) have run: 128 + 15. */
    private static final int EXIT_AFTER_SIGTERM = 143;

    private static Datastores stores;

    @BeforeAll
    static void startDatastores() {
        stores = Datastores.start(3);
    }

    @AfterAll
    static void dropDatastores() throws Exception {
        stores.close();
    }

    @Test
    void everyAcknowledgedBatchIsStoredInFullAndServedAfterARestart() throws Exception {
        ResendingTickStreamer streamer;
        Map<Long, IngestTicksResponse> acks;
        try (ServiceProcess ingest = startIngest(Map.of(
                "QUARKUS_SHUTDOWN_DELAY", SHUTDOWN_DELAY.toSeconds() + "s",
                "QUARKUS_SHUTDOWN_TIMEOUT", SHUTDOWN_TIMEOUT.toSeconds() + "s"))) {
            ManagedChannel channel = IngestGrpc.channel(ingest);
            try {
                IngestGrpc.registerEquity(channel, SYMBOL);
                streamer = new ResendingTickStreamer(BearerChannels.admin(channel), 2);
                acks = terminateWhileStreaming(ingest, streamer);
            } finally {
                channel.shutdownNow();
            }
        }

        assertThat(streamer.failures())
                .as("the shutdown ended the endless stream")
                .isNotEmpty();
        assertThat(acks.size())
                .as("batches acknowledged before the stream ended")
                .isGreaterThanOrEqualTo(20);
        acks.values().forEach(ack -> {
            assertThat(ack.getReport().getAccepted())
                    .as("batch %d accepted", ack.getSequence())
                    .isEqualTo(BATCH_SIZE);
            assertThat(ack.getReport().getRejectedList()).isEmpty();
        });
        Map<Long, Long> stored;
        try (Connection connection = stores.connect()) {
            stored = TICKS.storedPerBatch(connection);
        }
        assertThat(stored)
                .as("every acknowledged batch is stored")
                .containsKeys(acks.keySet().toArray(Long[]::new));
        assertThat(stored.values())
                .as("each batch is stored whole or not at all")
                .containsOnly((long) BATCH_SIZE);

        try (ServiceProcess restarted = startIngest(Map.of())) {
            try (Connection connection = stores.connect()) {
                assertThat(TICKS.storedPerBatch(connection))
                        .as("rows after a restart")
                        .isEqualTo(stored);
            }
            long lastSequence =
                    stored.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
            Tick newest = TICKS.batch(lastSequence).getTicks(BATCH_SIZE - 1);
            assertThat(latestPrices(restarted))
                    .as("the new process serves the newest stored tick")
                    .singleElement()
                    .satisfies(price -> {
                        assertThat(price.getTs()).isEqualTo(newest.getTs());
                        assertThat(price.getPrice()).isEqualTo(newest.getPrice());
                    });
        }
    }

    /**
     * Streams batches without end, sends SIGTERM once 20 are acknowledged and checks the exit; answers the
     * acknowledgements received before the shutdown ended the stream.
     */
    private static Map<Long, IngestTicksResponse> terminateWhileStreaming(
            ServiceProcess ingest, ResendingTickStreamer streamer) throws Exception {
        CompletableFuture<Map<Long, IngestTicksResponse>> sending =
                Async.call(() -> streamer.sendUntilFailure(TICKS.endless(), Duration.ofMinutes(2)));
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> streamer.acknowledgedSequences().size() >= 20);

        Duration budget = SHUTDOWN_DELAY.plus(SHUTDOWN_TIMEOUT).plus(MARGIN);
        Instant sigterm = Instant.now();
        int exitCode = ingest.terminate(budget);
        assertThat(Duration.between(sigterm, Instant.now())).as("shutdown time").isLessThan(budget);
        assertThat(exitCode).as("exit status; log:%n%s", ingest.logTail()).isIn(0, EXIT_AFTER_SIGTERM);
        assertThat(ingest.logTail()).contains("capflow-ingest-service stopped in");
        return sending.get(30, TimeUnit.SECONDS);
    }

    /** ingest-service on the test's datastores with {@code settings} on top. */
    private static ServiceProcess startIngest(Map<String, String> settings) {
        StackEnvironment stack = ServiceEnv.stack(ServiceEnv.datastores(stores), "ingest-service")
                .with("ingest-service", settings);
        return ServiceEnv.start(stack, "ingest-service");
    }

    private static List<LatestPrice> latestPrices(ServiceProcess ingest) {
        ManagedChannel channel = IngestGrpc.channel(ingest);
        try {
            return IngestServiceGrpc.newBlockingStub(BearerChannels.admin(channel))
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .getLatestPrices(GetLatestPricesRequest.newBuilder()
                            .addSymbols(SYMBOL)
                            .build())
                    .getPricesList();
        } finally {
            channel.shutdownNow();
        }
    }
}
