package dev.capflow.exposure.grpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.google.rpc.Code;
import com.google.rpc.PreconditionFailure;

import dev.capflow.exposure.domain.PreconditionException;
import dev.capflow.exposure.engine.GraphException;
import dev.capflow.grpc.errors.FailureStatuses;
import dev.capflow.grpc.errors.GrpcStatuses;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import io.grpc.StatusRuntimeException;

/**
 * The statuses of exposure-service: the conditions only it knows (graph engine argument errors as INVALID_ARGUMENT,
 * unmet preconditions as FAILED_PRECONDITION with a google.rpc.PreconditionFailure naming each entity); everything else
 * as in every capflow service ({@link FailureStatuses}).
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
        return FailureStatuses.toStatus(failure, "exposure-service", GrpcErrors::mapOwn);
    }

    private static Throwable mapOwn(Throwable cause) {
        if (cause instanceof InvalidRequestException invalid) {
            return invalidArgument(invalid.getMessage(), invalid.violations());
        }
        if (cause instanceof GraphException engine) {
            String field = CAMEL_HUMP.matcher(engine.field()).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
            return invalidArgument(engine.getMessage(),
                    List.of(new FieldViolation(field, engine.subject() + ": " + engine.reason())));
        }
        if (cause instanceof PreconditionException precondition) {
            return failedPrecondition(precondition);
        }
        return null;
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
        return GrpcStatuses.withDetails(Code.FAILED_PRECONDITION, bounded(failure.getMessage(), MAX_MESSAGE),
                List.of(details.build()));
    }
}
