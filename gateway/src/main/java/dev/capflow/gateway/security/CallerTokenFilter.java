package dev.capflow.gateway.security;

import dev.capflow.grpc.auth.CallerToken;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Binds the caller's verified bearer token to the request, so that every gRPC call made for it carries the same
 * token (dev.capflow.grpc.auth.TokenRelay) and each service checks the caller's role itself. An anonymous caller
 * binds nothing: its reads go out under the gateway's own identity ({@code capflow.grpc.auth.service-token*}).
 */
public class CallerTokenFilter {

    @ServerRequestFilter
    public void bindCallerToken(ContainerRequestContext request) {
        bind(request.getSecurityContext().getUserPrincipal());
    }

    /** Binds the token of {@code caller} (null when anonymous) to the current request; also for Vert.x routes. */
    public static void bind(Principal caller) {
        if (caller instanceof JsonWebToken token && token.getRawToken() != null) {
            CallerToken.bindToVertxContext(token.getRawToken());
        }
    }
}
