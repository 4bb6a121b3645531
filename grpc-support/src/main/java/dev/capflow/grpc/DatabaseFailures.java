package dev.capflow.grpc;

import dev.capflow.grpc.errors.GrpcStatuses;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Classifies failures of the reactive PostgreSQL client the same way in every capflow server: a database that is
 * unreachable, restarting or shutting down, or a connection pool that is exhausted, is a retryable UNAVAILABLE, and a
 * concurrent writer that won is ABORTED. PostgreSQL's SQLSTATE is read from the reactive client's
 * {@link DatabaseException} or from the {@link SQLException} Hibernate Reactive turns it into.
 * Each method looks at one throwable; callers walk the cause chain.
 */
public final class DatabaseFailures {

    /** Class 08 (connection exception) and 57P01-57P03 (the server is shutting down or starting up): try again later. */
    private static final Pattern UNAVAILABLE_SQL_STATE = Pattern.compile("08...|57P0[123]");
    /** Class 22 (data exception: a value out of range, a NUL byte in text, a date beyond PostgreSQL's years). */
    private static final Pattern DATA_EXCEPTION_SQL_STATE = Pattern.compile("22...");
    /** unique_violation, serialization_failure, deadlock_detected: a concurrent writer won; retry. */
    private static final String DUPLICATE_KEY_SQL_STATE = "23505";

    private static final Set<String> CONCURRENT_UPDATE_SQL_STATES = Set.of(DUPLICATE_KEY_SQL_STATE, "40001", "40P01");

    /**
     * What vertx-sql-client fails a connection request with when the pool's acquisition timeout passes: "Timeout" when
     * a connection was asked for (getConnection, transactions, Hibernate Reactive), "Timeout waiting for connection"
     * when a query was sent to the pool itself. Neither has a type of its own.
     */
    private static final Set<String> ACQUISITION_TIMEOUTS = Set.of("Timeout", "Timeout waiting for connection");

    private DatabaseFailures() {}

    /** True when {@code cause} says the database cannot be reached now (refused, reset, dropped, or not accepting work). */
    public static boolean isUnavailable(Throwable cause) {
        // SocketException covers a refused connection (ConnectException) and one reset by a restarting server
        return cause instanceof SocketException
                || cause instanceof ClosedConnectionException
                || sqlStateMatches(cause, UNAVAILABLE_SQL_STATE);
    }

    /**
     * True when {@code cause} says the connection pool had no connection to give: its wait queue was full
     * ({@code max-wait-queue}), or no connection came free within its acquisition timeout. A transient overload.
     */
    public static boolean isPoolExhausted(Throwable cause) {
        return cause instanceof ConnectionPoolTooBusyException
                || (cause instanceof NoStackTraceThrowable || cause.getClass() == VertxException.class)
                        && ACQUISITION_TIMEOUTS.contains(cause.getMessage());
    }

    /** True when {@code cause} is a write that lost to a concurrent one (retrying may succeed). */
    public static boolean isConcurrentUpdate(Throwable cause) {
        String state = sqlState(cause);
        return state != null && CONCURRENT_UPDATE_SQL_STATES.contains(state);
    }

    /**
     * Runs {@code write}, and once more when it lost a race to insert the same key as a concurrent identical request
     * (SQLSTATE 23505 in its causes): the second run, in a transaction of its own, finds the row the winner stored and
     * answers as a repeated request does ("already recorded", or a conflict naming the stored value), never with the
     * database's text. {@code write} must start a transaction of its own each time it is called.
     */
    public static <T> Uni<T> againAfterDuplicateKey(Supplier<Uni<T>> write) {
        return write.get().onFailure(DatabaseFailures::hasDuplicateKey).recoverWithUni(lost -> write.get());
    }

    /** True when {@code failure} or one of its causes is PostgreSQL's unique violation. */
    static boolean hasDuplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (DUPLICATE_KEY_SQL_STATE.equals(sqlState(cause))) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code cause} is PostgreSQL refusing a value the request carried (SQLSTATE class 22). */
    public static boolean isBadValue(Throwable cause) {
        return sqlStateMatches(cause, DATA_EXCEPTION_SQL_STATE);
    }

    private static boolean sqlStateMatches(Throwable cause, Pattern states) {
        String state = sqlState(cause);
        return state != null && states.matcher(state).matches();
    }

    /** PostgreSQL's SQLSTATE of {@code cause}, or null when it carries none. */
    private static String sqlState(Throwable cause) {
        if (cause instanceof DatabaseException db) {
            return db.getSqlState();
        }
        return cause instanceof SQLException sql ? sql.getSQLState() : null;
    }

    /**
     * UNAVAILABLE for an unreachable database or an exhausted connection pool, ABORTED for a lost concurrent write, INVALID_ARGUMENT for a value the
     * database cannot store (a backstop: validation should name the field first), or null when {@code cause} (this
     * throwable alone, not its causes) is none of them.
     */
    public static StatusRuntimeException status(Throwable cause) {
        if (isUnavailable(cause)) {
            return Status.UNAVAILABLE
                    .withDescription("database unavailable: " + cause.getMessage())
                    .asRuntimeException();
        }
        if (isPoolExhausted(cause)) {
            // UNAVAILABLE, not RESOURCE_EXHAUSTED: the overload is transient and the callers retry idempotent reads on
            // UNAVAILABLE only (docs/decisions.md)
            return Status.UNAVAILABLE
                    .withDescription("database connection pool exhausted, retry: " + cause.getMessage())
                    .asRuntimeException();
        }
        if (isConcurrentUpdate(cause)) {
            return GrpcStatuses.concurrentUpdate("concurrent update, retry: " + cause.getMessage());
        }
        if (isBadValue(cause)) {
            return Status.INVALID_ARGUMENT
                    .withDescription("the database refused a value of the request: " + cause.getMessage())
                    .asRuntimeException();
        }
        return null;
    }
}
