package dev.capflow.gateway.security;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.Principal;

/**
 * Charges requests to their caller's token bucket: the token's principal, or the client address when anonymous;
 * reads and writes have separate buckets. Used by the REST filter and by the Vert.x routes of the live streams, so
 * that opening a stream costs a read like any GET.
 */
@ApplicationScoped
public class RateLimitGate {

    private static final String CHARGED = "capflow.rate-limit.charged";

    private final RateLimiter limiter;
    private final RateLimitConfig config;

    public RateLimitGate(RateLimiter limiter, RateLimitConfig config) {
        this.limiter = limiter;
        this.config = config;
    }

    /**
     * The bucket's answer for one {@code request} of {@code principal} (null when anonymous). The client address is
     * read only for an anonymous caller: reading it parses the forwarding headers, a measured part of each answer.
     */
    Uni<BucketDecision> charge(Principal principal, HttpServerRequest request, boolean write) {
        if (!config.enabled()) {
            return Uni.createFrom().item(BucketDecision.ALLOWED);
        }
        String caller = principal != null && !principal.getName().isEmpty()
                ? "user:" + principal.getName()
                : "ip:" + request.remoteAddress().hostAddress();
        return limiter.take(caller, write);
    }

    /**
     * Charges a read to the caller of a Vert.x route; fails with {@link RateLimitedException} when refused. A request
     * charged here is not charged again by the REST filter if the route passes it on.
     */
    public Uni<Void> chargeRead(RoutingContext request) {
        return charge(principal(request), request.request(), false).map(decision -> {
            if (!decision.allowed()) {
                throw new RateLimitedException(decision.retryAfterSeconds());
            }
            request.put(CHARGED, true);
            return null;
        });
    }

    /** Whether a Vert.x route ahead of the REST routes already charged {@code request} ({@link #chargeRead}). */
    static boolean chargedAhead(RoutingContext request) {
        return request.get(CHARGED) != null;
    }

    /** The authenticated caller of {@code request}; null when anonymous. */
    public static Principal principal(RoutingContext request) {
        return request.user() instanceof QuarkusHttpUser user
                        && !user.getSecurityIdentity().isAnonymous()
                ? user.getSecurityIdentity().getPrincipal()
                : null;
    }
}
