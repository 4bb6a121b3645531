package dev.capflow.basket.cache;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.capflow.basket.config.BasketConfig;
import dev.capflow.redis.GenerationReads;
import dev.capflow.redis.TaggedCopies;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A Redis cache of protobuf messages. A tagged entry ({@code tag + " " + base64}) carries the answer generations it was
 * computed at and is a hit only while they are still current; a lookup reads the generations and the entry together. Redis is optional: when it fails or is slow, nothing is cached and the value is computed directly.
 * The replica keeps a parsed copy of each tagged entry it read or wrote ({@link TaggedCopies}): while the copy's tag
 * equals the generations, a lookup reads only the generations, in one MGET with the other lookups that asked meanwhile
 * ({@link GenerationReads}).
 */
@ApplicationScoped
public class ProtoCache {

    private static final Logger LOG = Logger.getLogger(ProtoCache.class);

    /** What a tagged lookup found: the current generations (null when Redis did not answer) and the hit, if any. */
    public record Lookup<T>(List<String> generations, T hit) {

        /** The tag of an entry computed now: the generations joined, or null when one is missing or unknown. */
        public String tag() {
            return generations == null || generations.contains(null) ? null : String.join(",", generations);
        }
    }

    private final ReactiveValueCommands<String, String> values;
    private final BasketConfig.Redis config;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final TaggedCopies<Message> near;
    private final GenerationReads generationReads;

    public ProtoCache(ReactiveRedisDataSource redis, BasketConfig config) {
        this.values = redis.value(String.class, String.class);
        this.config = config.redis();
        this.near = new TaggedCopies<>(
                this.config.nearCopiesMaxBytes(),
                this.config.ttl().toNanos(),
                Message::getSerializedSize,
                System::nanoTime);
        // one read in flight: a second one was measured for the gateway's cached hits only
        this.generationReads = new GenerationReads(this::readGenerations, this.config.timeout(), 1);
    }

    /**
     * Reads the generations at {@code generationKeys} (with those of the concurrent lookups) and the entry at
     * {@code key} (another slot on a Redis Cluster), both at once.
     */
    public <T extends Message> Uni<Lookup<T>> lookup(String key, List<String> generationKeys, Parser<T> parser) {
        TaggedCopies.Copy<Message> copy = near.find(key);
        Uni<Lookup<T>> read = copy == null || copy.value().getParserForType() != parser
                ? Uni.combine()
                        .all()
                        .unis(generations(generationKeys), values.get(key))
                        .with((generations, entry) -> found(key, generations, entry, parser))
                : generations(generationKeys).chain(generations -> fromCopy(key, copy, generations, parser));
        return read.ifNoItem().after(config.timeout()).fail().onFailure().recoverWithItem(failure -> {
            degraded(failure);
            return new Lookup<>(null, null);
        });
    }

    private Uni<List<String>> generations(List<String> generationKeys) {
        return generationKeys.isEmpty() ? Uni.createFrom().item(List.of()) : generationReads.current(generationKeys);
    }

    /** The generations at {@code generationKeys}, in their order: one MGET (they share a hash slot). */
    private Uni<List<String>> readGenerations(List<String> generationKeys) {
        return values.mget(generationKeys.toArray(String[]::new)).map(found -> {
            List<String> generations = new ArrayList<>(generationKeys.size());
            generationKeys.forEach(generationKey -> generations.add(found.get(generationKey)));
            return generations;
        });
    }

    /** The copy when its tag is the current one (its parser is the caller's); else the entry, read now. */
    @SuppressWarnings("unchecked")
    private <T extends Message> Uni<Lookup<T>> fromCopy(
            String key, TaggedCopies.Copy<Message> copy, List<String> generations, Parser<T> parser) {
        Lookup<T> current = new Lookup<>(generations, null);
        Message hit = current.tag() == null ? null : near.current(key, copy, current.tag());
        if (hit != null) {
            recovered();
            return Uni.createFrom().item(new Lookup<>(generations, (T) hit));
        }
        return values.get(key).map(entry -> found(key, generations, entry, parser));
    }

    private <T extends Message> Lookup<T> found(String key, List<String> generations, String entry, Parser<T> parser) {
        recovered();
        Lookup<T> current = new Lookup<>(generations, null);
        String tag = current.tag();
        if (entry == null || tag == null || !entry.startsWith(tag + " ")) {
            return current;
        }
        T hit = parse(parser, entry.substring(tag.length() + 1));
        if (hit != null) {
            near.keep(key, tag, hit);
        }
        return new Lookup<>(generations, hit);
    }

    /** Caches {@code value} at {@code key} under {@code tag}; best effort, not awaited. */
    public void put(String key, String tag, Message value) {
        near.keep(key, tag, value);
        write(key, tag + " " + Base64.getEncoder().encodeToString(value.toByteArray()));
    }

    /**
     * The value cached at {@code key}, else {@code compute}'s answer, which is then cached; a null key caches
     * nothing.
     */
    public <T extends Message> Uni<T> getOrCompute(String key, Parser<T> parser, Supplier<Uni<T>> compute) {
        if (key == null) {
            return compute.get();
        }
        return get(key, parser)
                .chain(cached -> cached != null
                        ? Uni.createFrom().item(cached)
                        : compute.get().invoke(value -> put(key, value)));
    }

    /** The value cached at {@code key}, or null when there is none or Redis does not answer. */
    public <T extends Message> Uni<T> get(String key, Parser<T> parser) {
        return values.get(key)
                .ifNoItem()
                .after(config.timeout())
                .fail()
                .map(encoded -> {
                    recovered();
                    return encoded == null ? null : parse(parser, encoded);
                })
                .onFailure()
                .recoverWithItem(failure -> degraded(failure));
    }

    /** Caches {@code value} at {@code key} without a tag; best effort, not awaited. */
    public void put(String key, Message value) {
        write(key, Base64.getEncoder().encodeToString(value.toByteArray()));
    }

    private void write(String key, String entry) {
        values.setex(key, config.ttl().toSeconds(), entry)
                .ifNoItem()
                .after(config.timeout())
                .fail()
                .subscribe()
                .with(ok -> recovered(), this::degraded);
    }

    private <T> T parse(Parser<T> parser, String encoded) {
        try {
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
