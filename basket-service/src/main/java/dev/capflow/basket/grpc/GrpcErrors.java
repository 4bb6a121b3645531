package dev.capflow.basket.grpc;

import java.util.List;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import dev.capflow.basket.client.IngestRefusal;
import dev.capflow.basket.domain.BasketExistsException;
import dev.capflow.basket.domain.BasketNotFoundException;
import dev.capflow.basket.domain.BasketValidator;
import dev.capflow.basket.domain.HistoryTooLargeException;
import dev.capflow.basket.domain.MissingDataException;
import dev.capflow.basket.domain.StaleVersionException;
import dev.capflow.basket.engine.BasketArgumentException;
import dev.capflow.grpc.DatabaseFailures;
import dev.capflow.grpc.DownstreamException;
import dev.capflow.grpc.GrpcStatuses;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;

/**
 * Maps failures to gRPC statuses: every known condition gets its own code (INVALID_ARGUMENT with a
 * google.rpc.BadRequest naming each field; a PostgreSQL outage is UNAVAILABLE through {@link DatabaseFailures}), and
 * anything unexpected is INTERNAL, never UNKNOWN.
 */
final class GrpcErrors {

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
        if (cause instanceof HistoryTooLargeException) {
            return Status.RESOURCE_EXHAUSTED.withDescription(cause.getMessage()).asRuntimeException();
        }
        if (cause instanceof MissingDataException) {
            return Status.FAILED_PRECONDITION.withDescription(cause.getMessage()).asRuntimeException();
        }
        if (cause instanceof IngestRefusal refusal) {
            return GrpcStatuses.withBadRequest(refusal.code(), refusal.getMessage(), refusal.violations(),
                    FieldViolation::field, FieldViolation::description);
        }
        if (cause instanceof DownstreamException downstream) {
            return downstream.toStatus();
        }
        if (cause instanceof StatusRuntimeException || cause instanceof StatusException) {
            return cause;
        }
        return DatabaseFailures.status(cause);
    }

    private static StatusRuntimeException invalidArgument(String message, List<FieldViolation> violations) {
        return GrpcStatuses.invalidArgument(message, violations, FieldViolation::field, FieldViolation::description);
    }
}
