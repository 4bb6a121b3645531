package dev.capflow.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL that is unreachable or restarting, or a connection pool with nothing to give, is a retryable UNAVAILABLE;
 * a lost concurrent write is ABORTED.
 */
class DatabaseFailuresTest {

    private static Status.Code codeOf(Throwable cause) {
        StatusRuntimeException status = DatabaseFailures.status(cause);
        return status == null ? null : status.getStatus().getCode();
    }

    private static Status.Code codeOf(String sqlState) {
        return codeOf(new PgException("message", "FATAL", sqlState, null));
    }

    @Test
    void aServerShuttingDownOrStartingUpOrALostConnectionIsUnavailable() {
        assertThat(codeOf("57P01")).as("admin_shutdown").isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(codeOf("57P02")).as("crash_shutdown").isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(codeOf("57P03")).as("cannot_connect_now").isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(codeOf("08006")).as("connection_failure").isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(codeOf("08001")).as("unable to connect").isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(codeOf(new ConnectException("Connection refused"))).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(codeOf(new SocketException("Connection reset")))
                .as("a server restarting under a live connection")
                .isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(codeOf(ClosedConnectionException.INSTANCE)).isEqualTo(Status.Code.UNAVAILABLE);
    }

    @Test
    void anExhaustedConnectionPoolIsUnavailable() {
        assertThat(codeOf(new ConnectionPoolTooBusyException("Connection pool reached max wait queue size of 1")))
                .as("the wait queue is full")
                .isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(codeOf(new NoStackTraceThrowable("Timeout")))
                .as("no connection came free within the acquisition timeout (getConnection)")
                .isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(codeOf(new VertxException("Timeout waiting for connection", true)))
                .as("no connection came free within the acquisition timeout (a query sent to the pool)")
                .isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(DatabaseFailures.status(new ConnectionPoolTooBusyException("full"))
                        .getStatus()
                        .getDescription())
                .isEqualTo("database connection pool exhausted, retry: full");
        assertThat(codeOf(new NoStackTraceThrowable("Connection refused")))
                .as("another failure of the same type")
                .isNull();
    }

    @Test
    void aConcurrentWriterThatWonIsAborted() {
        assertThat(codeOf("23505")).as("unique_violation").isEqualTo(Status.Code.ABORTED);
        assertThat(codeOf("40001")).as("serialization_failure").isEqualTo(Status.Code.ABORTED);
        assertThat(codeOf("40P01")).as("deadlock_detected").isEqualTo(Status.Code.ABORTED);
    }

    @Test
    void theSqlStateHibernateReactiveCarriesIsReadToo() {
        // Hibernate Reactive turns the client's PgException into a java.sql.SQLException with the same SQLSTATE
        assertThat(codeOf(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")))
                .as("a NUL byte in text")
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(codeOf(new SQLException("the database system is shutting down", "57P01")))
                .isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(codeOf(new SQLException("could not serialize access", "40001")))
                .isEqualTo(Status.Code.ABORTED);
        assertThat(codeOf(new SQLException("relation does not exist", "42P01"))).isNull();
        assertThat(codeOf(new SQLException("no state"))).isNull();
    }

    @Test
    void otherFailuresAreLeftToTheCaller() {
        assertThat(codeOf("23502")).as("not_null_violation").isNull();
        assertThat(codeOf("42P01")).as("undefined_table").isNull();
        assertThat(codeOf("57014")).as("query_canceled").isNull();
        assertThat(codeOf(new IllegalStateException("boom"))).isNull();
        assertThat(codeOf(new PgException("message", "ERROR", null, null)))
                .as("no SQLState")
                .isNull();
    }
}
