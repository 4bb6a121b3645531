package dev.capflow.gateway.rest.problem;

import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;

import dev.capflow.gateway.domain.FieldViolation;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;

/** Translates a failed gRPC call into a problem: status code to HTTP status, BadRequest details to violations. */
public final class GrpcProblems {

    private GrpcProblems() {
    }

    /** The problem type for a gRPC status code. */
    public static ProblemType typeOf(Status.Code code) {
        return switch (code) {
            case INVALID_ARGUMENT, OUT_OF_RANGE -> ProblemType.INVALID_REQUEST;
            case NOT_FOUND -> ProblemType.NOT_FOUND;
            case ALREADY_EXISTS, ABORTED, FAILED_PRECONDITION -> ProblemType.CONFLICT;
            case RESOURCE_EXHAUSTED -> ProblemType.PAYLOAD_TOO_LARGE;
            case UNAVAILABLE -> ProblemType.UPSTREAM_UNAVAILABLE;
            case DEADLINE_EXCEEDED -> ProblemType.UPSTREAM_TIMEOUT;
            default -> ProblemType.UPSTREAM_FAILURE;
        };
    }

    /**
     * The problem for a failed call. The service's description is passed on only for answers
     * about the request (4xx); for its own failures the caller learns the code, never internals.
     */
    public static Problem of(Throwable failure, String instance) {
        Status status = Status.fromThrowable(failure);
        ProblemType type = typeOf(status.getCode());
        String description = status.getDescription();
        String detail = type.status() < 500 && description != null && !description.isBlank()
                ? description
                : "the downstream service answered " + status.getCode();
        return Problem.of(type, detail, instance).withViolations(violations(failure));
    }

    /** The field violations of a google.rpc.BadRequest detail, if the status carries one. */
    public static List<FieldViolation> violations(Throwable failure) {
        com.google.rpc.Status rich = StatusProto.fromThrowable(failure);
        List<FieldViolation> violations = new ArrayList<>();
        if (rich == null) {
            return violations;
        }
        for (Any detail : rich.getDetailsList()) {
            if (detail.is(BadRequest.class)) {
                try {
                    for (BadRequest.FieldViolation v : detail.unpack(BadRequest.class).getFieldViolationsList()) {
                        violations.add(new FieldViolation(v.getField(), v.getDescription()));
                    }
                } catch (InvalidProtocolBufferException e) {
                    // A detail that cannot be decoded adds nothing the status code does not already say.
                }
            }
        }
        return violations;
    }
}
