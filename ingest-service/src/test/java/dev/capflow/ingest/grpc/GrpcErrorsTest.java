package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

/** A PostgreSQL that is restarting is a retryable UNAVAILABLE, not an unexpected INTERNAL failure. */
class GrpcErrorsTest {

    private static Status.Code codeOf(String sqlState) {
        return Status.fromThrowable(GrpcErrors.toStatus(new PgException("message", "FATAL", sqlState, null)))
                .getCode();
    }

    @Test
    void aServerShuttingDownOrStartingUpOrALostConnectionIsUnavailable() {
        assertThat(codeOf("57P01")).as("admin_shutdown").isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(codeOf("57P03")).as("cannot_connect_now").isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(codeOf("08006")).as("connection_failure").isEqualTo(Status.Code.UNAVAILABLE);
    }

    @Test
    void otherDatabaseErrorsKeepTheirMapping() {
        assertThat(codeOf("40001")).as("serialization_failure").isEqualTo(Status.Code.ABORTED);
        assertThat(codeOf("23502")).as("not_null_violation").isEqualTo(Status.Code.INTERNAL);
        assertThat(codeOf("42P01")).as("undefined_table").isEqualTo(Status.Code.INTERNAL);
    }
}
