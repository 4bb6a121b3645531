package dev.capflow.gateway.security;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
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

    private final RateLimiter limiter;
    private final RateLimitConfig config;

    public RateLimitGate(RateLimiter limiter, RateLimitConfig config) {
        this.limiter = limiter;
        this.config = config;
    }

    /** The bucket's answer for one request of {@code principal} (null when anonymous) from {@code address}. */
    Uni<BucketDecision> charge(Principal principal, String address, boolean write) {
        if (!config.enabled()) {
            return Uni.createFrom().item(BucketDecision.ALLOWED);
        }
        String caller =
                principal != null && !principal.getName().isEmpty() ? "user:" + principal.getName() : "ip:" + address;
        return limiter.take(caller, write);
    }

    /** Charges a read to the caller of a Vert.x route; fails with {@link RateLimitedException} when refused. */
    public Uni<Void> chargeRead(RoutingContext request) {
        Principal principal = request.user() instanceof QuarkusHttpUser user
                        && !user.getSecurityIdentity().isAnonymous()
                ? user.getSecurityIdentity().getPrincipal()
                : null;
        return charge(principal, request.request().remoteAddress().hostAddress(), false)
                .map(decision -> {
                    if (!decision.allowed()) {
                        throw new RateLimitedException(decision.retryAfterSeconds());
                    }
                    return null;
                });
    }
}
