package dev.capflow.ingest.grpc;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ResourceInfo;

import dev.capflow.grpc.DatabaseFailures;
import dev.capflow.grpc.GrpcStatuses;
import dev.capflow.ingest.domain.ConflictException;
import dev.capflow.ingest.domain.InconsistentDataException;
import dev.capflow.ingest.domain.StaleVersionException;
import dev.capflow.ingest.domain.UnknownSymbolException;
import dev.capflow.ingest.stream.PriceFanout;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * Maps failures to gRPC statuses: every known condition gets its own code (with google.rpc details
 * for bad fields and missing instruments; database outages through {@link DatabaseFailures}), and anything
 * unexpected is INTERNAL, never UNKNOWN.
 */
final class GrpcErrors {


    private GrpcErrors() {
    }

    static Throwable toStatus(Throwable failure) {
        return GrpcStatuses.firstKnown(failure, GrpcErrors::mapKnown, "ingest-service");
    }

    private static Throwable mapKnown(Throwable cause) {
        if (cause instanceof StatusRuntimeException || cause instanceof StatusException) {
            return cause;
        }
        if (cause instanceof InvalidRequestException invalid) {
            return invalidArgument(invalid);
        }
        if (cause instanceof UnknownSymbolException unknown) {
            return notFound(unknown);
        }
        if (cause instanceof ConflictException) {
            return Status.ALREADY_EXISTS.withDescription(cause.getMessage()).asRuntimeException();
        }
        if (cause instanceof StaleVersionException || cause instanceof OptimisticLockException
                || cause instanceof StaleStateException) {
            return Status.ABORTED.withDescription(cause.getMessage()).asRuntimeException();
        }
        if (cause instanceof InconsistentDataException) {
            return Status.FAILED_PRECONDITION.withDescription(cause.getMessage()).asRuntimeException();
        }
        if (cause instanceof PriceFanout.ClosedException) {
            return Status.UNAVAILABLE.withDescription(cause.getMessage()).asRuntimeException();
        }
        return DatabaseFailures.status(cause);
    }

    private static StatusRuntimeException invalidArgument(InvalidRequestException invalid) {
        return GrpcStatuses.invalidArgument(invalid.getMessage(), invalid.violations(), FieldViolation::field,
                FieldViolation::description);
    }

    private static StatusRuntimeException notFound(UnknownSymbolException unknown) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder().setCode(Code.NOT_FOUND_VALUE)
                .setMessage(unknown.getMessage());
        for (String symbol : unknown.symbols()) {
            status.addDetails(Any.pack(ResourceInfo.newBuilder().setResourceType("capflow.ingest.v1.Instrument")
                    .setResourceName(symbol).setDescription("not in the instrument registry").build()));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }
}
