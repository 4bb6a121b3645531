package dev.capflow.grpc.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.ErrorInfo;
import com.google.rpc.ResourceInfo;
import dev.capflow.errors.AlreadyExistsException;
import dev.capflow.errors.NotFoundException;
import dev.capflow.errors.StaleVersionException;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.vertx.pgclient.PgException;
import java.time.DateTimeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureStatusesTest {

    private static Throwable map(Throwable failure) {
        return FailureStatuses.toStatus(failure, "test-service", cause -> null);
    }

    private static <T extends com.google.protobuf.Message> T detail(Throwable status, Class<T> type) throws Exception {
        return StatusProto.fromThrowable(status).getDetailsList().stream()
                .filter(any -> any.is(type))
                .findFirst()
                .orElseThrow()
                .unpack(type);
    }

    @Test
    void notFoundNamesEveryMissingResource() throws Exception {
        Throwable status = map(new IllegalStateException(
                "wrapped",
                new NotFoundException("capflow.ingest.v1.Instrument", List.of("AAA", "BBB"), "unknown symbols")));
        assertThat(Status.fromThrowable(status).getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(StatusProto.fromThrowable(status).getDetailsList()).hasSize(2);
        assertThat(detail(status, ResourceInfo.class).getResourceType()).isEqualTo("capflow.ingest.v1.Instrument");
        assertThat(detail(status, ResourceInfo.class).getResourceName()).isEqualTo("AAA");
    }

    @Test
    void alreadyExistsNamesTheId() throws Exception {
        Throwable status = map(new AlreadyExistsException("capflow.basket.v1.Basket", "b1"));
        assertThat(Status.fromThrowable(status).getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(Status.fromThrowable(status).getDescription()).isEqualTo("basket b1 already exists");
        assertThat(detail(status, ResourceInfo.class).getResourceName()).isEqualTo("b1");
    }

    @Test
    void abortedNamesTheExpectedAndActualVersion() throws Exception {
        Throwable status = map(new StaleVersionException("capflow.exposure.v1.Edge", "e1", 3L, 2));
        assertThat(Status.fromThrowable(status).getCode()).isEqualTo(Status.Code.ABORTED);
        ErrorInfo info = detail(status, ErrorInfo.class);
        assertThat(info.getReason()).isEqualTo(GrpcStatuses.STALE_VERSION);
        assertThat(info.getMetadataMap())
                .containsEntry("resource_type", "capflow.exposure.v1.Edge")
                .containsEntry("resource_name", "e1")
                .containsEntry("expected_version", "2")
                .containsEntry("actual_version", "3");
        ErrorInfo absent =
                detail(map(new StaleVersionException("capflow.ingest.v1.Instrument", "X", null, 0)), ErrorInfo.class);
        assertThat(absent.getMetadataMap()).containsEntry("actual_version", "absent");
    }

    @Test
    void valuesTheDatabaseOrJavaTimeCannotHoldAreInvalidArguments() {
        assertThat(Status.fromThrowable(map(new PgException("date out of range", "ERROR", "22008", null)))
                        .getCode())
                .as("datetime_field_overflow")
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(Status.fromThrowable(map(new PgException("bad byte", "ERROR", "22021", null)))
                        .getCode())
                .as("NUL in text")
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(Status.fromThrowable(map(new DateTimeException("year out of range")))
                        .getCode())
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(Status.fromThrowable(map(new PgException("no table", "ERROR", "42P01", null)))
                        .getCode())
                .isEqualTo(Status.Code.INTERNAL);
    }

    @Test
    void aServiceMapsItsOwnConditionsFirst() {
        Throwable status = FailureStatuses.toStatus(
                new IllegalArgumentException("x"),
                "test-service",
                cause -> cause instanceof IllegalArgumentException ? Status.OUT_OF_RANGE.asRuntimeException() : null);
        assertThat(Status.fromThrowable(status).getCode()).isEqualTo(Status.Code.OUT_OF_RANGE);
    }
}
