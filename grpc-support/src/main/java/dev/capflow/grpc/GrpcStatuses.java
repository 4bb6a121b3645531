package dev.capflow.grpc;

import java.util.List;
import java.util.function.Function;

import org.jboss.logging.Logger;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** Statuses every capflow server answers the same way. */
public final class GrpcStatuses {

    private static final Logger LOG = Logger.getLogger(GrpcStatuses.class);

    private GrpcStatuses() {
    }

    /**
     * The status of the first throwable in {@code failure}'s cause chain that {@code known} maps (null: not known), or
     * INTERNAL, logged, pointing at {@code service}'s log: a server never answers UNKNOWN for a known condition.
     */
    public static Throwable firstKnown(Throwable failure, Function<Throwable, Throwable> known, String service) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Throwable mapped = known.apply(cause);
            if (mapped != null) {
                return mapped;
            }
        }
        LOG.error("unexpected failure", failure);
        return Status.INTERNAL.withDescription("internal error; see the " + service + " log").asRuntimeException();
    }

    /** INVALID_ARGUMENT carrying a google.rpc.BadRequest with one field violation per element, in order. */
    public static <T> StatusRuntimeException invalidArgument(String message, List<T> violations,
            Function<T, String> field, Function<T, String> description) {
        return withBadRequest(Status.Code.INVALID_ARGUMENT, message, violations, field, description);
    }

    /**
     * {@code code} (e.g. RESOURCE_EXHAUSTED for a request over a limit) carrying a google.rpc.BadRequest with one field
     * violation per element, in order: the caller learns which of its fields to change.
     */
    public static <T> StatusRuntimeException withBadRequest(Status.Code code, String message, List<T> violations,
            Function<T, String> field, Function<T, String> description) {
        BadRequest.Builder details = BadRequest.newBuilder();
        for (T violation : violations) {
            details.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField(field.apply(violation))
                    .setDescription(description.apply(violation)));
        }
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.value()).setMessage(message)
                .addDetails(Any.pack(details.build())).build());
    }
}
