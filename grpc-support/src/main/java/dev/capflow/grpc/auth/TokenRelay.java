package dev.capflow.grpc.auth;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Gives every outgoing gRPC call of this process a bearer token unless it already carries one: the token of the
 * caller the work is done for ({@link CallerToken}), else this process's own identity ({@link InternalAuth}) for work
 * done on nobody's behalf: background consumers, seed loading, the gateway's anonymous reads and shared streams.
 */
@ApplicationScoped
@GlobalInterceptor
public class TokenRelay implements ClientInterceptor {

    /** Set to {@code true} on a call that must carry no token (a test of the refusal): nothing is added. */
    public static final CallOptions.Key<Boolean> WITHOUT_TOKEN =
            CallOptions.Key.createWithDefault("capflow.without-token", false);

    /**
     * Set to {@code true} on a call that serves many callers at once (e.g. the gateway's shared live streams): it
     * carries this process's identity even when the work that opened it was done for one caller.
     */
    public static final CallOptions.Key<Boolean> OWN_IDENTITY =
            CallOptions.Key.createWithDefault("capflow.own-identity", false);

    private final InternalAuth auth;

    public TokenRelay(InternalAuth auth) {
        this.auth = auth;
    }

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<A> listener, Metadata headers) {
                if (!options.getOption(WITHOUT_TOKEN) && !headers.containsKey(BearerHeader.AUTHORIZATION)) {
                    token(options).ifPresent(token -> headers.put(BearerHeader.AUTHORIZATION, "Bearer " + token));
                }
                super.start(listener, headers);
            }
        };
    }

    private Optional<String> token(CallOptions options) {
        return options.getOption(OWN_IDENTITY)
                ? auth.serviceIdentity()
                : CallerToken.current().or(auth::serviceIdentity);
    }
}
