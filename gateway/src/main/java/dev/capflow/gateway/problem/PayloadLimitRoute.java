package dev.capflow.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose declared Content-Length exceeds {@code quarkus.http.limits.max-body-size}
 * with a 413 problem body. It runs just before Quarkus' own check, which still answers (with an
 * empty 413) bodies that grow past the limit without declaring their length.
 */
@ApplicationScoped
public class PayloadLimitRoute {

    /** Quarkus enforces the limit in a route of order -2; this one must come first. */
    private static final int ORDER = -3;

    private final Optional<MemorySize> maxBodySize;
    private final ObjectMapper mapper;

    public PayloadLimitRoute(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
            ObjectMapper mapper) {
        this.maxBodySize = maxBodySize;
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        maxBodySize.ifPresent(
                limit -> router.route().order(ORDER).handler(context -> check(context, limit.asLongValue())));
    }

    private void check(RoutingContext context, long limit) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null || parse(declared) <= limit) {
            context.next();
            return;
        }
        Problem problem = Problem.of(
                ProblemType.PAYLOAD_TOO_LARGE,
                "the request body is " + declared + " bytes; the limit is " + limit + " bytes",
                context.request().path());
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem body", e);
        }
        // The client may still be sending the body we refuse, so the connection is closed once answered.
        context.response()
                .setStatusCode(problem.getStatus())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ended -> context.request().connection().close())
                .end(body);
    }

    private static long parse(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            // A malformed length is left to the HTTP server, which rejects the request itself.
            return -1;
        }
    }
}
