package dev.capflow.exposure.grpc;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.PreconditionFailure;

import dev.capflow.exposure.domain.AlreadyExistsException;
import dev.capflow.exposure.domain.NotFoundException;
import dev.capflow.exposure.domain.PreconditionException;
import dev.capflow.exposure.domain.StaleVersionException;
import dev.capflow.exposure.engine.GraphException;
import dev.capflow.grpc.DatabaseFailures;
import dev.capflow.grpc.DownstreamException;
import dev.capflow.grpc.GrpcStatuses;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * Maps failures to gRPC statuses: every known condition gets its own code (INVALID_ARGUMENT with a google.rpc.BadRequest
 * naming each field, FAILED_PRECONDITION with a google.rpc.PreconditionFailure naming each entity), PostgreSQL and
 * downstream outages are UNAVAILABLE, and anything unexpected is INTERNAL, never UNKNOWN.
 */
final class GrpcErrors {

    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z])([A-Z])");

    private GrpcErrors() {
    }

    static Throwable toStatus(Throwable failure) {
        return GrpcStatuses.firstKnown(failure, GrpcErrors::mapKnown, "exposure-service");
    }

    private static Throwable mapKnown(Throwable cause) {
        if (cause instanceof StatusRuntimeException || cause instanceof StatusException) {
            return cause;
        }
        if (cause instanceof InvalidRequestException invalid) {
            return invalidArgument(invalid.getMessage(), invalid.violations());
        }
        if (cause instanceof GraphException engine) {
            String field = CAMEL_HUMP.matcher(engine.field()).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
            return invalidArgument(engine.getMessage(), List.of(new FieldViolation(field, engine.subject() + ": " + engine.reason())));
        }
        if (cause instanceof NotFoundException) {
            return Status.NOT_FOUND.withDescription(cause.getMessage()).asRuntimeException();
        }
        if (cause instanceof AlreadyExistsException) {
            return Status.ALREADY_EXISTS.withDescription(cause.getMessage()).asRuntimeException();
        }
        if (cause instanceof StaleVersionException || cause instanceof OptimisticLockException
                || cause instanceof StaleStateException) {
            return Status.ABORTED.withDescription(cause.getMessage()).asRuntimeException();
        }
        if (cause instanceof PreconditionException precondition) {
            return failedPrecondition(precondition);
        }
        if (cause instanceof DownstreamException downstream) {
            return downstream.toStatus();
        }
        return DatabaseFailures.status(cause);
    }

    private static StatusRuntimeException invalidArgument(String message, List<FieldViolation> violations) {
        return GrpcStatuses.invalidArgument(message, violations, FieldViolation::field, FieldViolation::description);
    }

    private static StatusRuntimeException failedPrecondition(PreconditionException failure) {
        PreconditionFailure.Builder details = PreconditionFailure.newBuilder();
        failure.violations().forEach(v -> details.addViolations(PreconditionFailure.Violation.newBuilder()
                .setType(v.type()).setSubject(v.subject()).setDescription(v.description())));
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.FAILED_PRECONDITION_VALUE).setMessage(failure.getMessage())
                .addDetails(Any.pack(details.build())).build());
    }
}
