package dev.capflow.gateway.security;

import dev.capflow.gateway.problem.Problem;
import dev.capflow.gateway.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Charges every REST call (after the security check) to its caller's bucket ({@link RateLimitGate}). An empty bucket
 * is answered 429 with {@code Retry-After}. Health, OpenAPI, metrics and static files are not REST calls and are never
 * limited; the live streams charge their opening themselves.
 */
public class RateLimitFilter {

    private static final String STRESS_PATH = "/api/v1/exposure/stress";

    private final RateLimitGate gate;

    public RateLimitFilter(RateLimitGate gate) {
        this.gate = gate;
    }

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext context, HttpServerRequest request, RoutingContext routing) {
        if (RateLimitGate.chargedAhead(routing)) {
            return Uni.createFrom().nullItem();
        }
        return gate.charge(context.getSecurityContext().getUserPrincipal(), request, isWrite(request))
                .map(decision -> decision.allowed() ? null : tooMany(request, decision));
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
        RateLimitedException refusal = new RateLimitedException(decision.retryAfterSeconds());
        Problem problem = Problem.of(ProblemType.RATE_LIMITED, refusal.getMessage(), request.path());
        return Response.status(problem.getStatus())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, refusal.retryAfterSeconds())
                .entity(problem)
                .build();
    }
}
