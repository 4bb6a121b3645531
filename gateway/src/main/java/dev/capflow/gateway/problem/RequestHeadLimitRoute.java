package dev.capflow.gateway.problem;

import dev.capflow.grpc.http.HttpProblemPages;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request line longer than {@code capflow.gateway.http.max-uri-length} with 414 and request headers larger
 * than {@code capflow.gateway.http.max-header-size} with 431, both as problem details. The HTTP codec's own limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set higher: what exceeds them is
 * refused by the codec before any route, with an empty body, and it cannot be given another.
 */
@ApplicationScoped
public class RequestHeadLimitRoute {

    /** Before the body limit ({@link PayloadLimitRoute}) and everything else. */
    private static final int ORDER = -4;

    private final int maxUriLength;
    private final long maxHeaderSize;

    public RequestHeadLimitRoute(
            @ConfigProperty(name = "capflow.gateway.http.max-uri-length") int maxUriLength,
            @ConfigProperty(name = "capflow.gateway.http.max-header-size") MemorySize maxHeaderSize) {
        this.maxUriLength = maxUriLength;
        this.maxHeaderSize = maxHeaderSize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        int uriLength = context.request().uri().length();
        long headerSize = 0;
        for (Map.Entry<String, String> header : context.request().headers()) {
            headerSize += header.getKey().length() + header.getValue().length();
        }
        if (uriLength > maxUriLength) {
            HttpProblemPages.answer(
                    context,
                    414,
                    "the request URI is " + uriLength + " characters; the limit is " + maxUriLength
                            + " (send long symbol lists in several requests)");
        } else if (headerSize > maxHeaderSize) {
            HttpProblemPages.answer(
                    context, 431, "the request headers are " + headerSize + " bytes; the limit is " + maxHeaderSize);
        } else {
            context.next();
        }
    }
}
