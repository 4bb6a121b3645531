package dev.capflow.gateway.problem;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body sent without {@code Content-Type} to a route that declares what it consumes (415 naming the media
 * type), as a body of another type already is: without this, JAX-RS would take the missing type for any type and read
 * the body as the route's anyway.
 */
public class RequiredContentType {

    @ServerRequestFilter
    public void refuseMissing(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Consumes consumes = method == null ? null : method.getAnnotation(Consumes.class);
        if (consumes != null && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            throw new NotSupportedException("send the body with Content-Type: " + String.join(", ", consumes.value()));
        }
    }
}
