package dev.capflow.grpc.auth;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Every call to a capflow gRPC service needs a bearer token the service verifies itself: missing, malformed, forged,
 * expired or foreign tokens are UNAUTHENTICATED; a valid token without the role the method's {@link MethodRoles}
 * entry names is PERMISSION_DENIED. Health ({@code grpc.health.v1}) is open; reflection takes any valid token. A
 * method no table names is refused, so a new RPC is closed until it is given a role. The accepted token is bound as
 * the {@link CallerToken}, which the service's own calls to other services relay.
 */
@ApplicationScoped
@GlobalInterceptor
public class GrpcAuthInterceptor implements ServerInterceptor {

    private static final Logger LOG = Logger.getLogger(GrpcAuthInterceptor.class);
    private static final Set<String> OPEN_SERVICES = Set.of("grpc.health.v1.Health");
    private static final Set<String> ANY_ROLE_SERVICES =
            Set.of("grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection");

    private final InternalAuth auth;
    private final List<MethodRoles> tables;

    public GrpcAuthInterceptor(InternalAuth auth, Instance<MethodRoles> tables) {
        this.auth = auth;
        this.tables = tables.stream().toList();
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        String service = call.getMethodDescriptor().getServiceName();
        if (OPEN_SERVICES.contains(service)) {
            return next.startCall(call, headers);
        }
        String method = call.getMethodDescriptor().getFullMethodName();
        Optional<String> token = BearerHeader.token(headers);
        if (token.isEmpty()) {
            return refuse(
                    call,
                    Status.UNAUTHENTICATED.withDescription(
                            "a bearer token is required: send the metadata 'authorization: Bearer <jwt>'"));
        }
        Caller caller;
        try {
            caller = auth.verifier().verify(token.get());
        } catch (TokenVerifier.InvalidTokenException e) {
            return refuse(call, Status.UNAUTHENTICATED.withDescription(e.getMessage()));
        }
        if (!ANY_ROLE_SERVICES.contains(service)) {
            Optional<String> role = roleFor(method);
            if (role.isEmpty()) {
                return refuse(
                        call,
                        Status.PERMISSION_DENIED.withDescription(
                                method + " is not in this service's role table, so no token may call it"));
            }
            if (!caller.roles().contains(role.get())) {
                return refuse(
                        call,
                        Status.PERMISSION_DENIED.withDescription(
                                method + " needs the role " + role.get() + " (admin includes every role); the token of "
                                        + caller.subject() + " has " + caller.roles()));
            }
        }
        Context context = Context.current().withValue(CallerToken.CONTEXT_KEY, caller.token());
        return new BindingListener<>(Contexts.interceptCall(context, call, headers, next), caller.token());
    }

    private Optional<String> roleFor(String method) {
        return tables.stream()
                .map(table -> table.roleFor(method))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static <Q, A> ServerCall.Listener<Q> refuse(ServerCall<Q, A> call, Status status) {
        LOG.debugf("refused %s: %s", call.getMethodDescriptor().getFullMethodName(), status);
        call.close(status, new Metadata());
        return new ServerCall.Listener<>() {};
    }

    /** Binds the caller's token to the Vert.x context each callback of the call runs on (see {@link CallerToken}). */
    private static final class BindingListener<Q> extends SimpleForwardingServerCallListener<Q> {

        private final String token;

        BindingListener(ServerCall.Listener<Q> delegate, String token) {
            super(delegate);
            this.token = token;
        }

        @Override
        public void onMessage(Q message) {
            CallerToken.bindToVertxContext(token);
            super.onMessage(message);
        }

        @Override
        public void onHalfClose() {
            CallerToken.bindToVertxContext(token);
            super.onHalfClose();
        }

        @Override
        public void onReady() {
            CallerToken.bindToVertxContext(token);
            super.onReady();
        }
    }
}
