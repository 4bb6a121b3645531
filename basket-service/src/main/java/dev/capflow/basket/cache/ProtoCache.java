package dev.capflow.basket.cache;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;

import dev.capflow.basket.config.BasketConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;

/**
 * A Redis cache of protobuf messages, keyed by what decides them plus the data watermark of the symbols they depend
 * on (their entries in ingest-service's latest-price hash): a new price for any of them changes the key, so the old
 * value is never read again. Redis is optional: when it fails or is slow the value is computed directly.
 */
@ApplicationScoped
public class ProtoCache {

    private static final Logger LOG = Logger.getLogger(ProtoCache.class);

    private final ReactiveHashCommands<String, String, String> hashes;
    private final ReactiveValueCommands<String, String> values;
    private final BasketConfig.Redis config;
    private final AtomicBoolean failing = new AtomicBoolean();

    public ProtoCache(ReactiveRedisDataSource redis, BasketConfig config) {
        this.hashes = redis.hash(String.class, String.class, String.class);
        this.values = redis.value(String.class, String.class);
        this.config = config.redis();
    }

    /**
     * The cached {@code kind} value for {@code parts} and the current prices of {@code symbols}, or else
     * {@code compute}'s answer, which is then cached.
     */
    public <T extends Message> Uni<T> getOrCompute(String kind, List<String> parts, Collection<String> symbols,
            Parser<T> parser, Supplier<Uni<T>> compute) {
        return key(kind, parts, symbols).chain(key -> key == null ? compute.get() : read(key, parser).chain(cached -> {
            if (cached != null) {
                return Uni.createFrom().item(cached);
            }
            return compute.get().invoke(value -> write(key, value));
        }));
    }

    /** The key, or null when Redis cannot give the watermark (then nothing is cached). */
    private Uni<String> key(String kind, List<String> parts, Collection<String> symbols) {
        String[] fields = symbols.toArray(String[]::new);
        Uni<Map<String, String>> watermark = fields.length == 0 ? Uni.createFrom().item(Map.of())
                : hashes.hmget(config.latestKey(), fields);
        return watermark.ifNoItem().after(config.timeout()).fail()
                .map(latest -> {
                    List<String> all = new ArrayList<>(parts);
                    for (String symbol : fields) {
                        all.add(symbol);
                        all.add(latest.get(symbol));
                    }
                    return CacheKeys.key(config.keyPrefix(), kind, all);
                })
                .onFailure().recoverWithItem(failure -> degraded(failure));
    }

    private <T extends Message> Uni<T> read(String key, Parser<T> parser) {
        return values.get(key).ifNoItem().after(config.timeout()).fail()
                .map(encoded -> encoded == null ? null : parse(parser, encoded))
                .onFailure().recoverWithItem(failure -> degraded(failure));
    }

    /** Best effort, not awaited: the answer never waits for the cache. */
    private void write(String key, Message value) {
        values.setex(key, config.ttl().toSeconds(), Base64.getEncoder().encodeToString(value.toByteArray()))
                .ifNoItem().after(config.timeout()).fail()
                .subscribe().with(ok -> recovered(), this::degraded);
    }

    private <T> T parse(Parser<T> parser, String encoded) {
        try {
            recovered();
            return parser.parseFrom(Base64.getDecoder().decode(encoded));
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            LOG.debugf("ignoring an unreadable cache entry: %s", e);
            return null;
        }
    }

    private void recovered() {
        if (failing.compareAndSet(true, false)) {
            LOG.info("Redis answers again; caching resumed");
        }
    }

    private <T> T degraded(Throwable failure) {
        if (failing.compareAndSet(false, true)) {
            LOG.warnf("Redis cache unavailable, computing directly until it answers: %s", failure.toString());
        }
        return null;
    }
}
