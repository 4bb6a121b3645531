package dev.capflow.gateway.security;

/** The answer of a token bucket to one request: allowed, or refused with the seconds until a token is there. */
public record BucketDecision(boolean allowed, long retryAfterSeconds) {

    static final BucketDecision ALLOWED = new BucketDecision(true, 0);

    /** A refusal; the wait is rounded up to whole seconds, at least one (the unit of {@code Retry-After}). */
    static BucketDecision refused(double waitSeconds) {
        return new BucketDecision(false, Math.max(1, (long) Math.ceil(waitSeconds)));
    }
}
