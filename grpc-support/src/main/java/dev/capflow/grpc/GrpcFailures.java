package dev.capflow.grpc;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.util.EnumSet;
import java.util.Set;

/** Classifies failed gRPC calls for retries and circuit breakers. */
public final class GrpcFailures {

    /** Codes that say the service itself is failing; the others say the request was wrong. */
    private static final Set<Status.Code> SERVICE_FAULTS = EnumSet.of(
            Status.Code.UNAVAILABLE,
            Status.Code.DEADLINE_EXCEEDED,
            Status.Code.INTERNAL,
            Status.Code.UNKNOWN,
            Status.Code.DATA_LOSS,
            Status.Code.UNIMPLEMENTED);

    private GrpcFailures() {}

    /** True for UNAVAILABLE: the call never reached a working server, so an idempotent call may be retried. */
    public static boolean isUnavailable(Throwable failure) {
        return statusCode(failure) == Status.Code.UNAVAILABLE;
    }

    /**
     * True when the failure should count against the service's circuit breaker; NOT_FOUND,
     * INVALID_ARGUMENT and other answers about the request itself do not.
     */
    public static boolean countsAgainstService(Throwable failure) {
        Status.Code code = statusCode(failure);
        return code != null && SERVICE_FAULTS.contains(code);
    }

    /** The status code carried by a gRPC failure, or null when the failure did not come from gRPC. */
    public static Status.Code statusCode(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StatusRuntimeException e) {
                return e.getStatus().getCode();
            }
            if (cause instanceof StatusException e) {
                return e.getStatus().getCode();
            }
        }
        return null;
    }
}
