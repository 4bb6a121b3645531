package dev.capflow.gateway.security;

import dev.capflow.redis.RateLimitKeys;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The token buckets of the API ({@code capflow.gateway.rate-limit.*}): one per caller and kind of request. */
@ConfigMapping(prefix = "capflow.gateway.rate-limit")
public interface RateLimitConfig {

    /** Off: no request is ever answered 429. */
    @WithDefault("true")
    boolean enabled();

    /** GET/HEAD and the stress run. */
    Bucket read();

    /** Every other method. */
    Bucket write();

    /** Prefix of the Redis keys of the buckets. */
    @WithDefault(RateLimitKeys.DEFAULT_PREFIX)
    String keyPrefix();

    /** A Redis answer slower than this counts as Redis down: the local bucket decides. */
    @WithDefault("100ms")
    Duration redisTimeout();

    /** After Redis failed, the local buckets decide for this long before Redis is asked again. */
    @WithDefault("2s")
    Duration redisRetryInterval();

    /** The local fallback keeps at most this many buckets; idle full ones are dropped first. */
    @WithDefault("100000")
    int localMaxBuckets();

    /** One kind of bucket: it holds {@code capacity} requests and gains {@code refillPerSecond} each second. */
    interface Bucket {

        @WithDefault("100")
        int capacity();

        @WithDefault("20")
        double refillPerSecond();
    }
}
