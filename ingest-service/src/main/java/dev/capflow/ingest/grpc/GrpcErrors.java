package dev.capflow.ingest.grpc;

import java.util.List;
import java.util.stream.Stream;

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
import dev.capflow.ingest.domain.UnknownCorporateActionException;
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

    /**
     * The most field violations or missing symbols one status details: gRPC carries a status in the trailers, whose
     * size clients bound (8 KiB by default), so an error about a huge request must not grow with it.
     */
    static final int MAX_DETAILS = 20;
    /** The longest status message, for the same reason. */
    static final int MAX_MESSAGE = 1_000;

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
        if (cause instanceof UnknownCorporateActionException unknownAction) {
            return notFound(unknownAction);
        }
        if (cause instanceof ConflictException) {
            return Status.ALREADY_EXISTS.withDescription(bounded(cause.getMessage())).asRuntimeException();
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
        List<FieldViolation> all = invalid.violations();
        List<FieldViolation> shown = all.size() <= MAX_DETAILS ? all
                : Stream.concat(all.stream().limit(MAX_DETAILS - 1), Stream.of(new FieldViolation("request",
                        (all.size() - MAX_DETAILS + 1) + " more violations not listed"))).toList();
        return GrpcStatuses.invalidArgument(bounded(invalid.getMessage()), shown, FieldViolation::field,
                FieldViolation::description);
    }

    private static StatusRuntimeException notFound(UnknownSymbolException unknown) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder().setCode(Code.NOT_FOUND_VALUE)
                .setMessage(bounded(unknown.getMessage()));
        for (String symbol : unknown.symbols().subList(0, Math.min(MAX_DETAILS, unknown.symbols().size()))) {
            status.addDetails(Any.pack(ResourceInfo.newBuilder().setResourceType("capflow.ingest.v1.Instrument")
                    .setResourceName(symbol).setDescription("not in the instrument registry").build()));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    private static StatusRuntimeException notFound(UnknownCorporateActionException unknown) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder().setCode(Code.NOT_FOUND_VALUE)
                .setMessage(unknown.getMessage())
                .addDetails(Any.pack(ResourceInfo.newBuilder().setResourceType("capflow.ingest.v1.CorporateAction")
                        .setResourceName(unknown.key().toString()).setDescription("not recorded").build()))
                .build());
    }

    /** A message cut to {@link #MAX_MESSAGE} characters, saying how long it was. */
    static String bounded(String message) {
        if (message == null || message.length() <= MAX_MESSAGE) {
            return message;
        }
        return message.substring(0, MAX_MESSAGE) + "...(" + message.length() + " chars)";
    }
}
