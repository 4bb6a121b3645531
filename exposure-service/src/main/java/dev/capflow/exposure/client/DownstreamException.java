package dev.capflow.exposure.client;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import dev.capflow.grpc.GrpcFailures;
import io.grpc.Status;

/** A call to a downstream service failed, with its gRPC status code (null when it never got one). */
public class DownstreamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Status.Code code;

    public DownstreamException(String service, Throwable cause) {
        super(service + " call failed: " + cause.getMessage(), cause);
        this.code = GrpcFailures.statusCode(cause);
    }

    /** Whether the service is down, slow or shedding load (retryable later), rather than refusing the request. */
    public boolean unavailable() {
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
                || getCause() instanceof CircuitBreakerOpenException;
    }
}
