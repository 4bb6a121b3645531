package dev.capflow.gateway.security;

import dev.capflow.redis.RateLimitKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Takes one token from a caller's bucket. The buckets live in Redis, shared by every gateway replica (one Lua script
 * per request); when Redis fails or is slower than {@code redis-timeout}, per-replica {@link LocalBuckets} decide
 * for {@code redis-retry-interval}, then Redis is asked again.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final String SCRIPT = loadScript();

    private final Redis redis;
    private final RateLimitConfig config;
    private final LocalBuckets local;
    /** Until this System.nanoTime() the local buckets decide; 0 while Redis answers. */
    private final AtomicLong localUntil = new AtomicLong();

    private volatile String scriptSha;

    public RateLimiter(Redis redis, RateLimitConfig config) {
        this.redis = redis;
        this.config = config;
        this.local = new LocalBuckets(config.localMaxBuckets(), System::nanoTime);
    }

    /** Takes a token for {@code caller} from its read or write bucket. */
    public Uni<BucketDecision> take(String caller, boolean write) {
        RateLimitConfig.Bucket limits = write ? config.write() : config.read();
        String key = RateLimitKeys.bucket(config.keyPrefix(), write, caller);
        long until = localUntil.get();
        if (until != 0 && System.nanoTime() - until < 0) {
            return Uni.createFrom().item(local.take(key, limits));
        }
        return inRedis(key, limits)
                .ifNoItem()
                .after(config.redisTimeout())
                .fail()
                .invoke(this::redisAnswers)
                .onFailure()
                .recoverWithItem(failure -> {
                    redisFailed(failure);
                    return local.take(key, limits);
                });
    }

    private Uni<BucketDecision> inRedis(String key, RateLimitConfig.Bucket limits) {
        String sha = scriptSha;
        if (sha == null) {
            return redis.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(SCRIPT))
                    .invoke(loaded -> scriptSha = loaded.toString())
                    .chain(loaded -> inRedis(key, limits));
        }
        return redis.send(bucketScript(Command.EVALSHA, sha, key, limits))
                .map(RateLimiter::decision)
                .onFailure(failure ->
                        failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT"))
                // The key's node has not seen the script (Redis restarted, or on a Redis Cluster SCRIPT LOAD went to
                // another node): EVAL runs it there and caches it for the next EVALSHA.
                .recoverWithUni(failure -> redis.send(bucketScript(Command.EVAL, SCRIPT, key, limits))
                        .map(RateLimiter::decision));
    }

    /** The token-bucket script on {@code key} (its only key, so one hash slot): by sha or by source. */
    private static Request bucketScript(
            Command command, String shaOrSource, String key, RateLimitConfig.Bucket limits) {
        return Request.cmd(command)
                .arg(shaOrSource)
                .arg(1)
                .arg(key)
                .arg(limits.capacity())
                .arg(Double.toString(limits.refillPerSecond()));
    }

    private static BucketDecision decision(Response reply) {
        if (reply.get(0).toInteger() == 1) {
            return BucketDecision.ALLOWED;
        }
        return BucketDecision.refused(reply.get(1).toLong() / 1e6);
    }

    private void redisAnswers() {
        if (localUntil.getAndSet(0) != 0) {
            LOG.info("Redis answers again; rate limits are shared by every gateway replica again");
        }
    }

    private void redisFailed(Throwable failure) {
        long until = System.nanoTime() + config.redisRetryInterval().toNanos();
        if (localUntil.getAndSet(until == 0 ? 1 : until) == 0) {
            LOG.warnf(
                    "Redis rate limit buckets unavailable, this replica limits on its own until Redis answers: %s",
                    failure.toString());
        }
    }

    private static String loadScript() {
        try (InputStream in = RateLimiter.class.getResourceAsStream("token-bucket.lua")) {
            if (in == null) {
                throw new IllegalStateException("token-bucket.lua is missing from the gateway jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
