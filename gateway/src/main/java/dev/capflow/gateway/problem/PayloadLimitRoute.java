package dev.capflow.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
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

    /** The longest a refused body is read and discarded before the connection is closed anyway. */
    private static final long LINGER_MILLIS = 10_000;

    /** The most of a refused body that is read and discarded: past it the client is closed on, not waited for. */
    private static final long LINGER_BYTES = 16L * 1024 * 1024;

    private final Optional<MemorySize> maxBodySize;
    private final ObjectMapper mapper;

    public PayloadLimitRoute(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
            ObjectMapper mapper) {
        this.maxBodySize = maxBodySize;
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        maxBodySize
                .map(MemorySize::asLongValue) // once, not per request
                .ifPresent(limit -> router.route().order(ORDER).handler(context -> check(context, limit)));
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
        context.response()
                .setStatusCode(problem.getStatus())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
        closeAfterDiscardingTheBody(context);
    }

    /**
     * A lingering close: the client may still be sending the body we refuse, and closing a socket with unread bytes
     * sends a TCP reset, which can make the client's stack drop the 413 before the client reads it. So what it still
     * sends is read and discarded, and the connection closed once the body ends, or after {@link #LINGER_MILLIS} or
     * {@link #LINGER_BYTES}, whichever comes first (a hostile client cannot make the gateway read without end).
     */
    private static void closeAfterDiscardingTheBody(RoutingContext context) {
        HttpServerRequest request = context.request();
        long lingering = context.vertx()
                .setTimer(LINGER_MILLIS, timer -> request.connection().close());
        Runnable close = () -> {
            context.vertx().cancelTimer(lingering);
            request.connection().close();
        };
        long[] discarded = {0}; // read on the connection's event loop only
        request.handler(chunk -> {
                    discarded[0] += chunk.length();
                    if (discarded[0] > LINGER_BYTES) {
                        close.run();
                    }
                })
                .exceptionHandler(failure -> close.run())
                .endHandler(ended -> close.run());
        request.resume();
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
