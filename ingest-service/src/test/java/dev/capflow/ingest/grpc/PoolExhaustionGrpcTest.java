package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capflow.proto.ingest.v1.GetBarsRequest;
import dev.capflow.proto.ingest.v1.GetBarsResponse;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A burst larger than the PostgreSQL pool (one connection, one waiting request, a 2 s acquisition timeout) on a real
 * PostgreSQL: every refused call answers UNAVAILABLE, which the callers retry for reads, never INTERNAL; the calls that
 * get the connection answer in full.
 */
@QuarkusTest
@TestProfile(TinyPoolProfile.class)
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class PoolExhaustionGrpcTest extends GrpcTestBase {

    private static final int DAYS = 300;

    @Inject
    Pool pool;

    @BeforeEach
    void storeOnce() throws Exception {
        // the service's own start-up reads share the one connection: a write refused meanwhile is retried, as a
        // caller retries UNAVAILABLE
        await().atMost(Duration.ofSeconds(DEADLINE_SECONDS))
                .ignoreExceptionsMatching(
                        failure -> Status.fromThrowable(failure).getCode() == Status.Code.UNAVAILABLE)
                .until(() -> {
                    if (sqlLong("select count(*) from ingest.daily_bar where symbol = 'POOL'") < DAYS) {
                        storeHistory("POOL", DAYS);
                    }
                    return true;
                });
    }

    /** One GetBars call of the whole history: its bar count, or the status code it failed with. */
    private Uni<Object> getBars() {
        return mutiny().getBars(GetBarsRequest.newBuilder().setSymbol("POOL").build())
                .<Object>map(GetBarsResponse::getBarsCount)
                .onFailure()
                .recoverWithItem(failure -> Status.fromThrowable(failure));
    }

    private SqlConnection holdTheOnlyConnection() {
        return pool.getConnection().await().atMost(Duration.ofSeconds(DEADLINE_SECONDS));
    }

    @Test
    void aBurstPastTheWaitQueueIsRefusedWithUnavailableAndTheWaitingCallIsServed() {
        SqlConnection held = holdTheOnlyConnection();
        ConcurrentLinkedQueue<Object> outcomes = new ConcurrentLinkedQueue<>();
        try {
            for (int i = 0; i < 20; i++) {
                getBars().subscribe().with(outcomes::add);
            }
            // one call waits in the queue; the other 19 are refused at once
            await().atMost(Duration.ofSeconds(DEADLINE_SECONDS)).until(() -> outcomes.size() == 19);
        } finally {
            held.closeAndAwait();
        }
        await().atMost(Duration.ofSeconds(DEADLINE_SECONDS)).until(() -> outcomes.size() == 20);

        List<Object> refused =
                outcomes.stream().filter(Status.class::isInstance).toList();
        assertThat(refused).hasSize(19).allSatisfy(outcome -> {
            Status status = (Status) outcome;
            assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(status.getDescription())
                    .isEqualTo("database connection pool exhausted, retry: "
                            + "Connection pool reached max wait queue size of 1");
        });
        assertThat(outcomes).filteredOn(Integer.class::isInstance).containsExactly(DAYS);
    }

    @Test
    void aCallWaitingLongerThanTheAcquisitionTimeoutIsUnavailableAndTheNextOneIsServed() {
        SqlConnection held = holdTheOnlyConnection();
        Object waited;
        try {
            waited = getBars().await().atMost(Duration.ofSeconds(DEADLINE_SECONDS));
        } finally {
            held.closeAndAwait();
        }
        assertThat(waited).isInstanceOf(Status.class);
        assertThat(((Status) waited).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        // "Timeout ..." as the read waited past the acquisition timeout, or the queue's limit when one of the service's
        // own background queries (partition maintenance) was already waiting: both are the pool exhausted, not a fault
        assertThat(((Status) waited).getDescription())
                .matches("database connection pool exhausted, retry: "
                        + "(Timeout.*|Connection pool reached max wait queue size of 1)");

        assertThat(getBars().await().atMost(Duration.ofSeconds(DEADLINE_SECONDS)))
                .isEqualTo(DAYS);
    }
}
