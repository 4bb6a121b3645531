package dev.capflow.gateway.problem;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Method;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body sent to a route that declares what it consumes without a concrete {@code Content-Type}: none, an
 * empty one or a wildcard ({@code *}{@code /*}, {@code text/*}) is 415 naming the media type the route takes. JAX-RS
 * refuses a concrete type of another kind itself, but takes these for any type and would read the body as the route's
 * anyway.
 */
public class RequiredContentType {

    @ServerRequestFilter
    public void refuseUnstated(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Consumes consumes = method == null ? null : method.getAnnotation(Consumes.class);
        if (consumes != null && !concrete(request.getHeaderString(HttpHeaders.CONTENT_TYPE))) {
            throw new UnsupportedBodyType(List.of(consumes.value()));
        }
    }

    private static boolean concrete(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(header);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
