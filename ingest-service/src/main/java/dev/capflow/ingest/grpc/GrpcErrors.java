package dev.capflow.ingest.grpc;

import java.net.ConnectException;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ResourceInfo;

import dev.capflow.grpc.GrpcStatuses;
import dev.capflow.ingest.domain.ConflictException;
import dev.capflow.ingest.domain.FieldViolation;
import dev.capflow.ingest.domain.InconsistentDataException;
import dev.capflow.ingest.domain.InvalidRequestException;
import dev.capflow.ingest.domain.StaleVersionException;
import dev.capflow.ingest.domain.UnknownSymbolException;
import dev.capflow.ingest.stream.PriceFanout;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Maps failures to gRPC statuses: every known condition gets its own code (with google.rpc details
 * for bad fields and missing instruments), and anything unexpected is INTERNAL, never UNKNOWN.
 */
final class GrpcErrors {

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);
    /** unique_violation, serialization_failure, deadlock_detected: a concurrent writer won; retry. */
    private static final Set<String> RETRYABLE_SQL_STATES = Set.of("23505", "40001", "40P01");
    /** Class 08 (connection exception) and 57P01-57P03 (the server is shutting down or starting up): try again later. */
    private static final Pattern UNAVAILABLE_SQL_STATE = Pattern.compile("08...|57P0[123]");

    private GrpcErrors() {
    }

    static Throwable toStatus(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Throwable mapped = mapKnown(cause);
            if (mapped != null) {
                return mapped;
            }
        }
        LOG.error("unexpected failure", failure);
        return Status.INTERNAL.withDescription("internal error; see the ingest-service log").asRuntimeException();
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
        if (cause instanceof PgException pg && RETRYABLE_SQL_STATES.contains(pg.getSqlState())) {
            return Status.ABORTED.withDescription("concurrent update, retry: " + pg.getErrorMessage())
                    .asRuntimeException();
        }
        if (cause instanceof InconsistentDataException) {
            return Status.FAILED_PRECONDITION.withDescription(cause.getMessage()).asRuntimeException();
        }
        if (cause instanceof PriceFanout.ClosedException) {
            return Status.UNAVAILABLE.withDescription(cause.getMessage()).asRuntimeException();
        }
        if (cause instanceof ConnectException || cause instanceof ClosedConnectionException
                || cause instanceof PgException pg && pg.getSqlState() != null
                        && UNAVAILABLE_SQL_STATE.matcher(pg.getSqlState()).matches()) {
            return Status.UNAVAILABLE.withDescription("database unavailable: " + cause.getMessage())
                    .asRuntimeException();
        }
        return null;
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
