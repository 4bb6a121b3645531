package dev.capflow.grpc.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.BadRequest;
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
}
