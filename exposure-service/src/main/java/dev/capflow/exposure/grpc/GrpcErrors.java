package dev.capflow.exposure.grpc;

import java.util.ArrayList;
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

    /** The most violations one status carries, and the longest message and description (characters). */
    static final int MAX_VIOLATIONS = 20;
    static final int MAX_MESSAGE = 1_000;
    static final int MAX_DESCRIPTION = 500;

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
        return GrpcStatuses.invalidArgument(bounded(message, MAX_MESSAGE), capped(violations), FieldViolation::field,
                v -> bounded(v.description(), MAX_DESCRIPTION));
    }

    /**
     * The first {@value #MAX_VIOLATIONS} items, plus a last one saying how many were left out: trailers (status message and
     * details) beyond the HTTP/2 header limit would turn a caller's error into a transport failure (a 502 at the gateway).
     */
    private static List<FieldViolation> capped(List<FieldViolation> violations) {
        if (violations.size() <= MAX_VIOLATIONS) {
            return violations;
        }
        List<FieldViolation> first = new ArrayList<>(violations.subList(0, MAX_VIOLATIONS));
        first.add(new FieldViolation(violations.get(MAX_VIOLATIONS).field(), "and " + (violations.size() - MAX_VIOLATIONS)
                + " more problems like the ones above"));
        return first;
    }

    /** {@code text} cut to {@code max} characters, saying so. */
    static String bounded(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + "... (" + text.length() + " characters)";
    }

    private static StatusRuntimeException failedPrecondition(PreconditionException failure) {
        PreconditionFailure.Builder details = PreconditionFailure.newBuilder();
        failure.violations().stream().limit(MAX_VIOLATIONS).forEach(v -> details.addViolations(PreconditionFailure.Violation
                .newBuilder().setType(v.type()).setSubject(bounded(v.subject(), MAX_DESCRIPTION))
                .setDescription(bounded(v.description(), MAX_DESCRIPTION))));
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.FAILED_PRECONDITION_VALUE).setMessage(bounded(failure.getMessage(), MAX_MESSAGE))
                .addDetails(Any.pack(details.build())).build());
    }
}
