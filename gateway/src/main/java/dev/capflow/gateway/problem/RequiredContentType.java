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
 * the body as the route's anyway. A body with a content coding other than {@code identity} is refused the same way: the
 * gateway decodes no request body, and reading gzip bytes as JSON, or a plain body labelled gzip as plain, is a guess.
 */
public class RequiredContentType {

    @ServerRequestFilter
    public void refuseMissingTypeOrCoding(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Consumes consumes = method == null ? null : method.getAnnotation(Consumes.class);
        if (consumes != null && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            throw new NotSupportedException("send the body with Content-Type: " + String.join(", ", consumes.value()));
        }
        String coding = request.getHeaderString(HttpHeaders.CONTENT_ENCODING);
        if (consumes != null
                && coding != null
                && !coding.isBlank()
                && !coding.strip().equalsIgnoreCase("identity")) {
            throw new NotSupportedException(
                    "Content-Encoding " + coding.strip() + " is not accepted: send the body uncompressed (identity)");
        }
    }
}
