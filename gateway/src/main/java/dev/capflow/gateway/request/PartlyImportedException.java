package dev.capflow.gateway.request;

import io.grpc.StatusRuntimeException;

/**
 * A bulk import that the service refused partway: the chunks it acknowledged before are committed, so the problem
 * answered for {@code downstream} carries their counts ({@code acknowledged}) and a client knows what is stored.
 */
public class PartlyImportedException extends RuntimeException {

    private final transient Object acknowledged;

    public PartlyImportedException(StatusRuntimeException downstream, Object acknowledged) {
        super(downstream.getMessage(), downstream, false, false);
        this.acknowledged = acknowledged;
    }

    /** The service's refusal, answered as any other. */
    public StatusRuntimeException downstream() {
        return (StatusRuntimeException) getCause();
    }

    /** The report of the chunks acknowledged before the refusal. */
    public Object acknowledged() {
        return acknowledged;
    }
}
