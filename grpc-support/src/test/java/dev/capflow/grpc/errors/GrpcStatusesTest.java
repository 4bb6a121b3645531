package dev.capflow.grpc.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.BadRequest;
import dev.capflow.errors.NotFoundException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrpcStatusesTest {

    @Test
    void invalidArgumentCarriesEveryFieldViolationInOrder() throws Exception {
        StatusRuntimeException status = GrpcStatuses.invalidArgument(
                "2 bad fields",
                List.of(new String[] {"members[1].symbol", "duplicate member"}, new String[] {"from", "after to"}),
                pair -> pair[0],
                pair -> pair[1]);

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(status.getStatus().getDescription()).isEqualTo("2 bad fields");
        BadRequest details = StatusProto.fromThrowable(status).getDetails(0).unpack(BadRequest.class);
        assertThat(details.getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField, BadRequest.FieldViolation::getDescription)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("members[1].symbol", "duplicate member"),
                        org.assertj.core.groups.Tuple.tuple("from", "after to"));
    }

    /** What a status puts in the trailers: its description and its details, base64-encoded. */
    private static int trailerBytes(StatusRuntimeException status) {
        return status.getStatus().getDescription().length()
                + 4 * StatusProto.fromThrowable(status).getSerializedSize() / 3;
    }

    @Test
    void aHugeIdOrManyLongViolationsStayWithinTheClientsEightKibOfTrailers() throws Exception {
        String huge = "a".repeat(5000);
        StatusRuntimeException missing = GrpcStatuses.notFound(new NotFoundException("capflow.basket.v1.Basket", huge));
        assertThat(trailerBytes(missing)).isLessThan(7 * 1024);
        StatusRuntimeException manyMissing = GrpcStatuses.notFound(new NotFoundException(
                "capflow.exposure.v1.Entity", java.util.Collections.nCopies(20, huge), "20 unknown entities"));
        assertThat(trailerBytes(manyMissing)).isLessThan(7 * 1024);

        List<String> violations = java.util.Collections.nCopies(50, huge);
        StatusRuntimeException invalid =
                GrpcStatuses.invalidArgument("many " + huge, violations, v -> "members." + v, v -> "bad " + v);
        assertThat(trailerBytes(invalid)).isLessThan(7 * 1024);
        BadRequest details = StatusProto.fromThrowable(invalid).getDetails(0).unpack(BadRequest.class);
        assertThat(details.getFieldViolations(details.getFieldViolationsCount() - 1)
                        .getDescription())
                .matches("and \\d+ more problems like the ones above");
    }
}
