package dev.capflow.ingest.grpc;

import dev.capflow.grpc.errors.FailureStatuses;
import dev.capflow.ingest.domain.InconsistentDataException;
import dev.capflow.ingest.stream.PriceFanout;
import io.grpc.Status;

/**
 * The statuses of ingest-service: the conditions only it knows (inconsistent stored data, a closed price fan-out);
 * everything else as in every capflow service ({@link FailureStatuses}).
 */
final class GrpcErrors {

    private GrpcErrors() {}

    static Throwable toStatus(Throwable failure) {
        return FailureStatuses.toStatus(failure, "ingest-service", GrpcErrors::mapOwn);
    }

    private static Throwable mapOwn(Throwable cause) {
        if (cause instanceof InconsistentDataException) {
            return Status.FAILED_PRECONDITION
                    .withDescription(cause.getMessage())
                    .asRuntimeException();
        }
        if (cause instanceof PriceFanout.ClosedException) {
            return Status.UNAVAILABLE.withDescription(cause.getMessage()).asRuntimeException();
        }
        return null;
    }
}
