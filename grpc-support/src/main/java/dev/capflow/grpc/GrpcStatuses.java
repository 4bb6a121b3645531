package dev.capflow.grpc;

import java.util.List;
import java.util.function.Function;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;

import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** Statuses every capflow server answers the same way. */
public final class GrpcStatuses {

    private GrpcStatuses() {
    }

    /** INVALID_ARGUMENT carrying a google.rpc.BadRequest with one field violation per element, in order. */
    public static <T> StatusRuntimeException invalidArgument(String message, List<T> violations,
            Function<T, String> field, Function<T, String> description) {
        BadRequest.Builder details = BadRequest.newBuilder();
        for (T violation : violations) {
            details.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField(field.apply(violation))
                    .setDescription(description.apply(violation)));
        }
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE).setMessage(message)
                .addDetails(Any.pack(details.build())).build());
    }
}
