package dev.capflow.exposure.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.errors.StaleVersionException;
import dev.capflow.exposure.domain.PreconditionException;
import dev.capflow.grpc.DownstreamException;
import io.grpc.Status;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrpcErrorsTest {

    private static Status.Code code(Throwable failure) {
        return Status.fromThrowable(GrpcErrors.toStatus(failure)).getCode();
    }

    private static PgException pg(String sqlState) {
        return new PgException("message", "FATAL", sqlState, null);
    }

    @Test
    void aPostgresOutageOrRestartIsUnavailable() {
        assertThat(code(pg("57P01"))).as("admin shutdown").isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(code(pg("57P03"))).as("cannot connect now").isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(code(pg("08006"))).as("connection failure").isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(code(new IllegalStateException("wrapped", new ConnectException("refused"))))
                .isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(code(pg("40001"))).as("serialization failure").isEqualTo(Status.Code.ABORTED);
        assertThat(code(pg("42P01"))).as("undefined table").isEqualTo(Status.Code.INTERNAL);
    }

    @Test
    void anUnreachableOrSlowDownstreamIsUnavailable() {
        assertThat(code(new DownstreamException("ingest-service", Status.UNAVAILABLE.asRuntimeException())))
                .isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(code(new DownstreamException("basket-service", Status.DEADLINE_EXCEEDED.asRuntimeException())))
                .isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(code(new DownstreamException("ingest-service", Status.INVALID_ARGUMENT.asRuntimeException())))
                .isEqualTo(Status.Code.INTERNAL);
    }

    @Test
    void domainFailuresKeepTheirMeaning() {
        assertThat(code(new StaleVersionException("capflow.exposure.v1.Edge", "e1", 2L, 1)))
                .isEqualTo(Status.Code.ABORTED);
        assertThat(code(new PreconditionException(
                        List.of(new PreconditionException.Violation("VALUE", "oracle", "no price")))))
                .isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(code(new IllegalStateException("boom"))).isEqualTo(Status.Code.INTERNAL);
    }
}
