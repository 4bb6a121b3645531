package dev.capflow.basket.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.basket.domain.MissingDataException;
import dev.capflow.basket.engine.BasketArgumentException;
import dev.capflow.basket.engine.MemberPricesException;
import dev.capflow.grpc.DownstreamException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

class GrpcErrorsTest {

    private static Status.Code code(Throwable failure) {
        return ((StatusRuntimeException) GrpcErrors.toStatus(failure))
                .getStatus()
                .getCode();
    }

    @Test
    void anUnreachableOrSlowIngestServiceIsUnavailable() {
        assertThat(code(new DownstreamException("ingest-service", Status.UNAVAILABLE.asRuntimeException())))
                .isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(code(new DownstreamException("ingest-service", Status.DEADLINE_EXCEEDED.asRuntimeException())))
                .isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(code(new DownstreamException("ingest-service", Status.INVALID_ARGUMENT.asRuntimeException())))
                .isEqualTo(Status.Code.INTERNAL);
    }

    @Test
    void engineAndDataFailuresKeepTheirMeaning() {
        assertThat(code(new BasketArgumentException("baseValue", "bad"))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(code(new MissingDataException("no FX"))).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(code(new MemberPricesException("members[2].symbol", "no price series for member X")))
                .as("the engine's check of a stored basket's members")
                .isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(code(new IllegalStateException("boom"))).isEqualTo(Status.Code.INTERNAL);
    }
}
