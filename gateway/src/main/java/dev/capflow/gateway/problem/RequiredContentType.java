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
 * anyway. A body with a content coding other than {@code identity} is 415 naming {@code Content-Encoding}: the gateway
 * decodes no request body, and reading gzip bytes as JSON, or a plain body labelled gzip as plain, is a guess.
 */
public class RequiredContentType {

    @ServerRequestFilter
    public void refuseUnstatedTypeOrCoding(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Consumes consumes = method == null ? null : method.getAnnotation(Consumes.class);
        if (consumes == null) {
            return;
        }
        if (!concrete(request.getHeaderString(HttpHeaders.CONTENT_TYPE))) {
            throw new UnsupportedBodyType(List.of(consumes.value()));
        }
        String coding = request.getHeaderString(HttpHeaders.CONTENT_ENCODING);
        if (coding != null && !coding.isBlank() && !coding.strip().equalsIgnoreCase("identity")) {
            throw new UnsupportedBodyCoding(coding.strip());
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
