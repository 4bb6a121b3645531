package dev.capflow.exposure.grpc;

import com.google.rpc.Code;
import com.google.rpc.PreconditionFailure;
import dev.capflow.exposure.domain.PreconditionException;
import dev.capflow.exposure.engine.GraphException;
import dev.capflow.grpc.errors.FailureStatuses;
import dev.capflow.grpc.errors.GrpcStatuses;
import dev.capflow.validation.FieldViolation;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The statuses of exposure-service: the conditions only it knows (graph engine argument errors as INVALID_ARGUMENT,
 * unmet preconditions as FAILED_PRECONDITION with a google.rpc.PreconditionFailure naming each entity); everything else
 * as in every capflow service ({@link FailureStatuses}).
 */
final class GrpcErrors {

    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z])([A-Z])");

    private GrpcErrors() {}

    static Throwable toStatus(Throwable failure) {
        return FailureStatuses.toStatus(failure, "exposure-service", GrpcErrors::mapOwn);
    }

    private static Throwable mapOwn(Throwable cause) {
        if (cause instanceof GraphException engine) {
            String field =
                    CAMEL_HUMP.matcher(engine.field()).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
            return invalidArgument(
                    engine.getMessage(), List.of(new FieldViolation(field, engine.subject() + ": " + engine.reason())));
        }
        if (cause instanceof PreconditionException precondition) {
            return failedPrecondition(precondition);
        }
        return null;
    }

    private static StatusRuntimeException invalidArgument(String message, List<FieldViolation> violations) {
        return GrpcStatuses.invalidArgument(message, violations, FieldViolation::field, FieldViolation::description);
    }

    private static StatusRuntimeException failedPrecondition(PreconditionException failure) {
        PreconditionFailure.Builder details = PreconditionFailure.newBuilder();
        failure.violations().stream()
                .limit(GrpcStatuses.MAX_DETAILS)
                .forEach(v -> details.addViolations(PreconditionFailure.Violation.newBuilder()
                        .setType(v.type())
                        .setSubject(GrpcStatuses.bounded(v.subject(), GrpcStatuses.MAX_DESCRIPTION))
                        .setDescription(GrpcStatuses.bounded(v.description(), GrpcStatuses.MAX_DESCRIPTION))));
        return GrpcStatuses.withDetails(Code.FAILED_PRECONDITION, failure.getMessage(), List.of(details.build()));
    }
}
