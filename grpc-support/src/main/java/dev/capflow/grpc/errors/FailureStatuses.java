package dev.capflow.grpc.errors;

import dev.capflow.errors.AlreadyExistsException;
import dev.capflow.errors.NotFoundException;
import dev.capflow.errors.StaleVersionException;
import dev.capflow.grpc.DatabaseFailures;
import dev.capflow.grpc.DownstreamException;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import jakarta.persistence.OptimisticLockException;
import java.time.DateTimeException;
import java.util.function.Function;
import org.hibernate.StaleStateException;

/**
 * The one failure-to-status mapping of the capflow servers: the same situation gets the same status and details in
 * every service (see {@link GrpcStatuses}), a service adds only the conditions it alone knows, and anything unexpected
 * is INTERNAL, logged, never UNKNOWN.
 */
public final class FailureStatuses {

    private FailureStatuses() {}

    /**
     * The status {@code failure} answers: the first throwable in its cause chain that is a status, that {@code own}
     * maps (null when it does not know it), or that every service knows.
     */
    public static Throwable toStatus(Throwable failure, String service, Function<Throwable, Throwable> own) {
        return GrpcStatuses.firstKnown(
                failure,
                cause -> {
                    if (cause instanceof StatusRuntimeException || cause instanceof StatusException) {
                        return cause;
                    }
                    Throwable mapped = own.apply(cause);
                    return mapped != null ? mapped : common(cause);
                },
                service);
    }

    private static Throwable common(Throwable cause) {
        if (cause instanceof InvalidRequestException invalid) {
            return GrpcStatuses.invalidArgument(
                    invalid.getMessage(), invalid.violations(), FieldViolation::field, FieldViolation::description);
        }
        if (cause instanceof NotFoundException missing) {
            return GrpcStatuses.notFound(missing);
        }
        if (cause instanceof AlreadyExistsException taken) {
            return GrpcStatuses.alreadyExists(taken);
        }
        if (cause instanceof StaleVersionException stale) {
            return GrpcStatuses.staleVersion(stale);
        }
        if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
            return GrpcStatuses.concurrentUpdate("concurrent update, re-read and retry: " + cause.getMessage());
        }
        if (cause instanceof DownstreamException downstream) {
            return downstream.toStatus();
        }
        if (cause instanceof DateTimeException) {
            // java.time refuses a date of the request beyond its range (e.g. year +999999999 plus a day)
            return Status.INVALID_ARGUMENT
                    .withDescription("a date or time of the request is out of range: " + cause.getMessage())
                    .asRuntimeException();
        }
        return DatabaseFailures.status(cause);
    }
}
