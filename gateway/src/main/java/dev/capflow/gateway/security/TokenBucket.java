package dev.capflow.gateway.security;

/**
 * A token bucket in memory: starts full at {@code capacity}, gains {@code refillPerSecond} tokens a second up to the
 * capacity, and each request takes one. The same arithmetic as {@code token-bucket.lua}, for one gateway replica.
 */
final class TokenBucket {

    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long updatedNanos;

    TokenBucket(int capacity, double refillPerSecond, long nowNanos) {
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
        this.tokens = capacity;
        this.updatedNanos = nowNanos;
    }

    synchronized BucketDecision take(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return BucketDecision.ALLOWED;
        }
        return BucketDecision.refused((1 - tokens) / refillPerNano / 1e9);
    }

    /** Full again: it would answer like a new bucket, so it may be forgotten. */
    synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - updatedNanos);
        tokens = Math.min(capacity, tokens + elapsed * refillPerNano);
        updatedNanos = nowNanos;
    }
}
