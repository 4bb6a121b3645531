package dev.capflow.grpc;

import java.net.SocketException;
import java.util.Set;
import java.util.regex.Pattern;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

/**
 * Classifies failures of the reactive PostgreSQL client the same way in every capflow server: a database that is
 * unreachable, restarting or shutting down is a retryable UNAVAILABLE, and a concurrent writer that won is ABORTED.
 * Each method looks at one throwable; callers walk the cause chain.
 */
public final class DatabaseFailures {

    /** Class 08 (connection exception) and 57P01-57P03 (the server is shutting down or starting up): try again later. */
    private static final Pattern UNAVAILABLE_SQL_STATE = Pattern.compile("08...|57P0[123]");
    /** unique_violation, serialization_failure, deadlock_detected: a concurrent writer won; retry. */
    private static final Set<String> CONCURRENT_UPDATE_SQL_STATES = Set.of("23505", "40001", "40P01");

    private DatabaseFailures() {
    }

    /** True when {@code cause} says the database cannot be reached now (refused, reset, dropped, or not accepting work). */
    public static boolean isUnavailable(Throwable cause) {
        // SocketException covers a refused connection (ConnectException) and one reset by a restarting server
        return cause instanceof SocketException || cause instanceof ClosedConnectionException
                || cause instanceof DatabaseException db && db.getSqlState() != null
                        && UNAVAILABLE_SQL_STATE.matcher(db.getSqlState()).matches();
    }

    /** True when {@code cause} is a write that lost to a concurrent one (retrying may succeed). */
    public static boolean isConcurrentUpdate(Throwable cause) {
        return cause instanceof DatabaseException db && db.getSqlState() != null
                && CONCURRENT_UPDATE_SQL_STATES.contains(db.getSqlState());
    }

    /**
     * UNAVAILABLE for an unreachable database, ABORTED for a lost concurrent write, or null when {@code cause} (this
     * throwable alone, not its causes) is neither.
     */
    public static StatusRuntimeException status(Throwable cause) {
        if (isUnavailable(cause)) {
            return Status.UNAVAILABLE.withDescription("database unavailable: " + cause.getMessage()).asRuntimeException();
        }
        if (isConcurrentUpdate(cause)) {
            return Status.ABORTED.withDescription("concurrent update, retry: " + cause.getMessage()).asRuntimeException();
        }
        return null;
    }
}
