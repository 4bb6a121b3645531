package dev.capflow.gateway.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** The per-replica buckets that decide while Redis is down; bounded, dropping buckets that are full again. */
final class LocalBuckets {

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final int maxBuckets;
    private final LongSupplier nanoClock;

    LocalBuckets(int maxBuckets, LongSupplier nanoClock) {
        this.maxBuckets = maxBuckets;
        this.nanoClock = nanoClock;
    }

    BucketDecision take(String key, RateLimitConfig.Bucket limits) {
        long now = nanoClock.getAsLong();
        if (buckets.size() >= maxBuckets) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new TokenBucket(limits.capacity(), limits.refillPerSecond(), now))
                .take(now);
    }
}
