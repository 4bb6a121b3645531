package dev.capflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Blocking gRPC writes raced against each other, each on its own thread, and what they leave behind in PostgreSQL: a
 * loser must end at once with its status (ABORTED, NOT_FOUND), never at its deadline, and no transaction may be left
 * open.
 */
public final class RacedWrites {

    /** The status of one raced call and how long it took. */
    public record Outcome(Status.Code code, Duration took) {}

    private RacedWrites() {}

    /**
     * Starts every call at once and returns their status codes in the order given, after checking that each ended
     * within {@code bound} (well under the calls' deadline, so that no call ended by reaching it).
     */
    public static List<Status.Code> codes(List<Runnable> calls, Duration bound) throws Exception {
        List<Callable<Outcome>> timed = calls.stream().map(RacedWrites::timed).toList();
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Status.Code> codes = new ArrayList<>();
            for (Future<Outcome> call : pool.invokeAll(timed)) {
                Outcome outcome = call.get();
                assertThat(outcome.took()).as("%s", outcome).isLessThan(bound);
                codes.add(outcome.code());
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Fails when a connection to this run's database is idle inside a transaction (one that was never ended). */
    public static void assertNoTransactionLeftOpen() throws SQLException {
        try (Connection connection = PostgresRedisResource.datastores().connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from pg_stat_activity"
                        + " where datname = current_database() and state like 'idle in transaction%'")) {
            rows.next();
            assertThat(rows.getLong(1)).as("connections idle in transaction").isZero();
        }
    }

    private static Callable<Outcome> timed(Runnable call) {
        return () -> {
            long start = System.nanoTime();
            Status.Code code;
            try {
                call.run();
                code = Status.Code.OK;
            } catch (StatusRuntimeException e) {
                code = e.getStatus().getCode();
            }
            return new Outcome(code, Duration.ofNanos(System.nanoTime() - start));
        };
    }
}
