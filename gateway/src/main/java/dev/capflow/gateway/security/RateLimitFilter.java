package dev.capflow.gateway.security;

import java.security.Principal;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.capflow.gateway.rest.problem.Problem;
import dev.capflow.gateway.rest.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Charges every REST call (after the security check) to its caller's bucket: the token's principal, or the client
 * address when anonymous; reads and writes have separate buckets. An empty bucket is answered 429 with
 * {@code Retry-After}. Health, OpenAPI, metrics and static files are not REST calls and are never limited.
 */
public class RateLimitFilter {

    private static final String STRESS_PATH = "/api/v1/exposure/stress";

    private final RateLimiter limiter;
    private final RateLimitConfig config;

    public RateLimitFilter(RateLimiter limiter, RateLimitConfig config) {
        this.limiter = limiter;
        this.config = config;
    }

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext context, HttpServerRequest request) {
        if (!config.enabled()) {
            return Uni.createFrom().nullItem();
        }
        Principal principal = context.getSecurityContext().getUserPrincipal();
        String caller = principal != null && !principal.getName().isEmpty()
                ? "user:" + principal.getName()
                : "ip:" + request.remoteAddress().hostAddress();
        return limiter.take(caller, isWrite(request)).map(decision -> decision.allowed() ? null : tooMany(request, decision));
    }

    /** Writes are every method but GET and HEAD, except the stress run, which stores nothing. */
    static boolean isWrite(HttpServerRequest request) {
        String method = request.method().name();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            return false;
        }
        return !(HttpMethod.POST.equals(method) && STRESS_PATH.equals(request.path()));
    }

    private static Response tooMany(HttpServerRequest request, BucketDecision decision) {
        Problem problem = Problem.of(ProblemType.RATE_LIMITED, "too many requests from this caller; retry in "
                + decision.retryAfterSeconds() + " s", request.path());
        return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, decision.retryAfterSeconds()).entity(problem).build();
    }
}
