package dev.capflow.basket.client;

import io.grpc.Status;
import dev.capflow.grpc.GrpcFailures;

/** A call to a downstream service failed; {@link #code()} is its gRPC status (null when it never got one). */
public class DownstreamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Status.Code code;

    public DownstreamException(String service, Throwable cause) {
        super(service + " call failed: " + cause.getMessage(), cause);
        this.code = GrpcFailures.statusCode(cause);
    }

    public Status.Code code() {
        return code;
    }
}
