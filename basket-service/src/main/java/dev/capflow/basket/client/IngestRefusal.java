package dev.capflow.basket.client;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import dev.capflow.grpc.DownstreamException;
import dev.capflow.grpc.GrpcFailures;
import dev.capflow.validation.FieldViolation;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * ingest-service refusing a read basket-service made for what its caller sent (INVALID_ARGUMENT, RESOURCE_EXHAUSTED,
 * NOT_FOUND): the caller's error, answered with the same code and a BadRequest naming the CALLER's field, because
 * ingest-service's field names ({@code symbols}, {@code from}) are of a request the caller never saw. Any other
 * downstream failure stays a {@link DownstreamException} (UNAVAILABLE or INTERNAL).
 */
public final class IngestRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final Set<Status.Code> CALLER_CODES =
            EnumSet.of(Status.Code.INVALID_ARGUMENT, Status.Code.RESOURCE_EXHAUSTED, Status.Code.NOT_FOUND);

    private final transient Status.Code code;
    private final transient List<FieldViolation> violations;

    private IngestRefusal(Status.Code code, String message, List<FieldViolation> violations, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    /** The code to answer: ingest-service's own. */
    public Status.Code code() {
        return code;
    }

    /** The caller's fields with ingest-service's reasons. */
    public List<FieldViolation> violations() {
        return violations;
    }

    /**
     * A failure transformer for reads made for the caller: a refusal by ingest-service becomes an {@link IngestRefusal}
     * naming the caller's field for each ingest-service field (its name without any {@code [index]}) in {@code fields},
     * else {@code fallback}; other failures pass unchanged.
     */
    public static Function<Throwable, Throwable> naming(String fallback, Map<String, String> fields) {
        return failure -> {
            Status.Code code = failure instanceof DownstreamException ? GrpcFailures.statusCode(failure) : null;
            if (code == null || !CALLER_CODES.contains(code)) {
                return failure;
            }
            List<FieldViolation> violations = ingestViolations(failure).stream()
                    .map(violation -> new FieldViolation(
                            fields.getOrDefault(withoutIndex(violation.field()), fallback),
                            "ingest-service refused it: " + violation.description()))
                    .distinct()
                    .toList();
            String reason = Status.fromThrowable(failure).getDescription();
            if (violations.isEmpty()) {
                violations = List.of(new FieldViolation(fallback, "ingest-service refused it: " + reason));
            }
            String message = String.join(
                    "; ",
                    violations.stream()
                            .map(v -> v.field() + ": " + v.description())
                            .toList());
            return new IngestRefusal(code, message, violations, failure);
        };
    }

    /** The field violations of ingest-service's google.rpc.BadRequest detail, if it sent one. */
    private static List<FieldViolation> ingestViolations(Throwable failure) {
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        if (status == null) {
            return List.of();
        }
        for (Any detail : status.getDetailsList()) {
            if (detail.is(BadRequest.class)) {
                try {
                    return detail.unpack(BadRequest.class).getFieldViolationsList().stream()
                            .map(v -> new FieldViolation(v.getField(), v.getDescription()))
                            .toList();
                } catch (InvalidProtocolBufferException e) {
                    return List.of();
                }
            }
        }
        return List.of();
    }

    private static String withoutIndex(String field) {
        int bracket = field.indexOf('[');
        return bracket < 0 ? field : field.substring(0, bracket);
    }
}
