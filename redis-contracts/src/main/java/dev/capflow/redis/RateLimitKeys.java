package dev.capflow.redis;

/**
 * The gateway's rate-limit token buckets, shared by its replicas: {@code {prefix}read:{caller}} and
 * {@code {prefix}write:{caller}}, each a hash the gateway's Lua script refills and takes from.
 */
public final class RateLimitKeys {

    /** The prefix of the buckets ({@code capflow.gateway.rate-limit.key-prefix}). */
    public static final String DEFAULT_PREFIX = "capflow:gateway:rate:";

    private RateLimitKeys() {}

    /** The bucket of {@code caller}'s reads, or of its writes. */
    public static String bucket(String prefix, boolean write, String caller) {
        return prefix + (write ? "write:" : "read:") + caller;
    }
}
