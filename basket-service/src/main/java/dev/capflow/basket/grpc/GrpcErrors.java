package dev.capflow.basket.grpc;

import java.util.List;
import java.util.Set;

import jakarta.persistence.OptimisticLockException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

import dev.capflow.basket.client.DownstreamException;
import dev.capflow.basket.domain.BasketExistsException;
import dev.capflow.basket.domain.BasketNotFoundException;
import dev.capflow.basket.domain.BasketValidator;
import dev.capflow.basket.domain.FieldViolation;
import dev.capflow.basket.domain.InvalidRequestException;
import dev.capflow.basket.domain.MissingDataException;
import dev.capflow.basket.domain.StaleVersionException;
import dev.capflow.basket.engine.BasketArgumentException;
import dev.capflow.grpc.DatabaseFailures;
import dev.capflow.grpc.GrpcStatuses;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;

/**
 * Maps failures to gRPC statuses: every known condition gets its own code (INVALID_ARGUMENT with a
 * google.rpc.BadRequest naming each field; a PostgreSQL outage is UNAVAILABLE through {@link DatabaseFailures}), and
 * anything unexpected is INTERNAL, never UNKNOWN.
 */
final class GrpcErrors {

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);
    private static final Set<Status.Code> DOWNSTREAM_UNAVAILABLE = Set.of(Status.Code.UNAVAILABLE,
            Status.Code.DEADLINE_EXCEEDED);

    private GrpcErrors() {
    }

    static Throwable toStatus(Throwable failure) {
        return GrpcStatuses.firstKnown(failure, GrpcErrors::mapKnown, "basket-service");
    }

    private static Throwable mapKnown(Throwable cause) {
        if (cause instanceof InvalidRequestException invalid) {
            return invalidArgument(invalid.getMessage(), invalid.violations());
        }
        if (cause instanceof BasketArgumentException engine) {
            String field = BasketValidator.snakeCase(engine.field());
            return invalidArgument(field + ": " + engine.reason(), List.of(new FieldViolation(field, engine.reason())));
        }
        if (cause instanceof BasketNotFoundException) {
            return Status.NOT_FOUND.withDescription(cause.getMessage()).asRuntimeException();
        }
        if (cause instanceof BasketExistsException) {
            return Status.ALREADY_EXISTS.withDescription(cause.getMessage()).asRuntimeException();
        }
        if (cause instanceof StaleVersionException || cause instanceof OptimisticLockException
                || cause instanceof StaleStateException) {
            return Status.ABORTED.withDescription(cause.getMessage()).asRuntimeException();
        }
        if (cause instanceof MissingDataException) {
            return Status.FAILED_PRECONDITION.withDescription(cause.getMessage()).asRuntimeException();
        }
        if (cause instanceof DownstreamException downstream) {
            return downstream(downstream);
        }
        if (cause instanceof StatusRuntimeException || cause instanceof StatusException) {
            return cause;
        }
        return DatabaseFailures.status(cause);
    }

    /** ingest-service down, slow or shedding load is UNAVAILABLE here too (retryable); anything else is our fault. */
    private static StatusRuntimeException downstream(DownstreamException failure) {
        boolean unavailable = DOWNSTREAM_UNAVAILABLE.contains(failure.code())
                || failure.getCause() instanceof CircuitBreakerOpenException;
        if (unavailable) {
            return Status.UNAVAILABLE.withDescription(failure.getMessage()).asRuntimeException();
        }
        LOG.error("ingest-service call failed", failure);
        return Status.INTERNAL.withDescription(failure.getMessage()).asRuntimeException();
    }

    private static StatusRuntimeException invalidArgument(String message, List<FieldViolation> violations) {
        return GrpcStatuses.invalidArgument(message, violations, FieldViolation::field, FieldViolation::description);
    }
}
