package dev.capflow.grpc.auth;

import io.grpc.Context;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import java.util.Optional;

/**
 * The bearer token of the caller a piece of work is done for, so that calls it makes to other services carry the
 * same token ({@link TokenRelay}). It is bound to the gRPC {@link Context} of a call and to the Vert.x duplicated
 * context the call (or REST request) runs on, which follows its reactive chain across database and Redis callbacks.
 */
public final class CallerToken {

    static final Context.Key<String> CONTEXT_KEY = Context.key("capflow.caller-token");
    private static final String LOCAL_KEY = "capflow.caller-token";

    private CallerToken() {}

    /** Binds {@code token} to the current Vert.x duplicated context, if the current thread runs on one. */
    public static void bindToVertxContext(String token) {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(LOCAL_KEY, token);
        }
    }

    /** The token of the caller the current work is done for; empty for background work. */
    public static Optional<String> current() {
        String fromCall = CONTEXT_KEY.get();
        if (fromCall != null) {
            return Optional.of(fromCall);
        }
        return VertxContext.isOnDuplicatedContext() ? ContextLocals.get(LOCAL_KEY) : Optional.empty();
    }
}
