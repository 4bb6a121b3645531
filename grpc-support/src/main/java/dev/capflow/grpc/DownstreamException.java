package dev.capflow.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/** A call from one service to another failed, with the gRPC status it got (null when it never got one). */
public class DownstreamException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DownstreamException.class);

    private final transient Status.Code code;

    public DownstreamException(String service, Throwable cause) {
        super(service + " call failed: " + cause.getMessage(), cause);
        this.code = GrpcFailures.statusCode(cause);
    }

    /** Whether the service is down, slow or shedding load (retryable later), rather than refusing the request. */
    public boolean unavailable() {
        return code == Status.Code.UNAVAILABLE
                || code == Status.Code.DEADLINE_EXCEEDED
                || getCause() instanceof CircuitBreakerOpenException;
    }

    /**
     * What the calling service answers its own caller: UNAVAILABLE (retryable) when the downstream service is
     * unavailable; FAILED_PRECONDITION when it holds data it cannot answer from (e.g. a corrected close below a cash
     * dividend), which is a state of the data, not a fault of either service; otherwise INTERNAL, logged, because a
     * refused internal call is the caller's fault.
     */
    public StatusRuntimeException toStatus() {
        if (unavailable()) {
            return Status.UNAVAILABLE.withDescription(getMessage()).asRuntimeException();
        }
        if (code == Status.Code.FAILED_PRECONDITION) {
            // not INTERNAL: the callers' circuit breakers count INTERNAL, so one bad series would pause every call
            return Status.FAILED_PRECONDITION.withDescription(getMessage()).asRuntimeException();
        }
        LOG.error(getMessage(), this);
        return Status.INTERNAL.withDescription(getMessage()).asRuntimeException();
    }
}
