package dev.capflow.gateway.cache;

import dev.capflow.gateway.config.AnswerCacheConfig;
import dev.capflow.redis.AnswerGenerationKeys;
import dev.capflow.redis.GenerationReads;
import dev.capflow.redis.MissingGenerations;
import dev.capflow.redis.TaggedCopies;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The gateway's Redis cache of answers as JSON bytes, shared by every gateway replica. A fresh entry
 * ({@code answer:{sha256(question)}}) holds {@code tag \n json}, the tag being the answer generations of the baskets
 * involved, which basket-service moves whenever an answer about the basket may change; a lookup reads the current
 * generations (one MGET, shared with concurrent lookups, see {@link GenerationReads}) and the entry at once, and the
 * entry is a hit only when its tag equals them. A missing generation (Redis restarted empty, a key flushed or evicted)
 * is a miss, and the lookup creates it as basket-service would ({@link MissingGenerations}) before the answer is asked
 * for, so that the answer is cached under it. The last good answer to each question is kept apart
 * ({@code last-good:...}) for a longer time, to be served marked stale while its service is down (every read route
 * keeps one, see CachedAnswerResponses). Redis failing or slow is a miss, never an error. The replica keeps a copy of
 * each fresh answer it saw ({@link TaggedCopies}): while the copy's tag equals the generations, a lookup reads only
 * the generations, not the entry.
 */
@ApplicationScoped
public class AnswerCache {

    private static final Logger LOG = Logger.getLogger(AnswerCache.class);

    /** What a lookup found: the tag to store a newly computed answer under (null: cache nothing), and the hit. */
    public record Lookup(String tag, Buffer hit) {}

    private static final Lookup UNCACHEABLE = new Lookup(null, null);
    /** Found by identity: a generation is missing (created before the lookup answers). */
    private static final Lookup GENERATION_MISSING = new Lookup(null, null);

    /** One digest per thread: looking one up by name per question was a measured part of each basket answer. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    private final Redis redis;
    private final AnswerCacheConfig config;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final TaggedCopies<byte[]> near;
    private final GenerationReads generationReads;

    public AnswerCache(Redis redis, AnswerCacheConfig config) {
        this.redis = redis;
        this.config = config;
        this.generationReads =
                new GenerationReads(this::readGenerations, config.timeout(), config.generationReadsInFlight());
        this.near = new TaggedCopies<>(
                config.nearCopiesMaxBytes(), config.ttl().toNanos(), json -> json.length, System::nanoTime);
    }

    /**
     * The fresh answer to {@code question} about {@code basketIds}, if any, with the current tag; uncacheable when
     * Redis fails or has not answered within the {@link #timeout()}.
     */
    public Uni<Lookup> lookup(String question, List<String> basketIds) {
        return lookupUntimed(question, basketIds)
                .ifNoItem()
                .after(config.timeout())
                .recoverWithItem(() -> {
                    degraded(new TimeoutException("no answer within " + config.timeout()));
                    return UNCACHEABLE;
                });
    }

    /**
     * As {@link #lookup}, waiting for Redis as long as it takes (a failure is uncacheable); for a caller that bounds
     * the wait itself.
     */
    public Uni<Lookup> lookupUntimed(String question, List<String> basketIds) {
        if (!config.enabled()) {
            return Uni.createFrom().item(UNCACHEABLE);
        }
        TaggedCopies.Copy<byte[]> copy = near.find(question);
        Uni<Lookup> lookup = copy == null
                ? Uni.combine()
                        .all()
                        .unis(generations(basketIds), entry(question))
                        .with((current, entry) -> found(question, current, entry))
                : generations(basketIds).chain(current -> fromCopy(question, copy, current));
        return lookup.chain(found -> found == GENERATION_MISSING
                        ? created(basketIds)
                        : Uni.createFrom().item(found))
                .onFailure()
                .recoverWithItem(failure -> {
                    degraded(failure);
                    return UNCACHEABLE;
                });
    }

    /** Whether answers are cached at all ({@code capflow.gateway.answer-cache.enabled}). */
    public boolean enabled() {
        return config.enabled();
    }

    /** How long a read of the cache is waited for before the answer is asked of the service. */
    public Duration timeout() {
        return config.timeout();
    }

    /**
     * The generations of {@code basketIds} in their order, read together with those of the other lookups that asked
     * meanwhile ({@link GenerationReads}).
     */
    private Uni<List<String>> generations(List<String> basketIds) {
        return basketIds.isEmpty() ? Uni.createFrom().item(List.of()) : generationReads.current(basketIds);
    }

    /**
     * The generations of {@code basketIds} in their order: one MGET, the generation keys sharing one hash slot (the
     * entry lives in another slot on a Redis Cluster, so it is read apart, at the same time).
     */
    private Uni<List<String>> readGenerations(List<String> basketIds) {
        Request mget = Request.cmd(Command.MGET);
        basketIds.forEach(id -> mget.arg(AnswerGenerationKeys.generation(config.generationKeyPrefix(), id)));
        return redis.send(mget).map(reply -> {
            List<String> current = new ArrayList<>(basketIds.size());
            for (int i = 0; i < basketIds.size(); i++) {
                Response generation = reply.get(i);
                current.add(generation == null ? null : generation.toString());
            }
            return current;
        });
    }

    /**
     * A miss tagged with the generations of {@code basketIds}, the missing ones created first. Read before the answer
     * is asked for, the tag is moved by any change the answer does not reflect (as basket-service's own tag). Without
     * it nothing fresh would be cached, and the next answer (after a Redis restart, the first warm one) would be asked
     * of basket-service again.
     */
    private Uni<Lookup> created(List<String> basketIds) {
        return Uni.join()
                .all(basketIds.stream().map(this::ensureGeneration).toList())
                .andFailFast()
                .map(current -> new Lookup(String.join(",", current), null));
    }

    /** The generation of {@code basketId}, created first when missing (one EVAL, keys of one hash slot). */
    private Uni<String> ensureGeneration(String basketId) {
        Request eval = Request.cmd(Command.EVAL);
        MissingGenerations.evalArguments(config.generationKeyPrefix(), basketId, "GET")
                .forEach(eval::arg);
        return redis.send(eval).map(Response::toString);
    }

    private Uni<Response> entry(String question) {
        return redis.send(Request.cmd(Command.GET).arg(freshKey(question)));
    }

    /**
     * The copy when its tag is the current one; else the copy is dropped and the entry read (another replica may have
     * stored a fresher answer).
     */
    private Uni<Lookup> fromCopy(String question, TaggedCopies.Copy<byte[]> copy, List<String> current) {
        if (current.contains(null)) {
            return Uni.createFrom().item(GENERATION_MISSING);
        }
        byte[] json = near.current(question, copy, String.join(",", current));
        if (json != null) {
            recovered();
            return Uni.createFrom().item(new Lookup(copy.tag(), Buffer.buffer(json)));
        }
        return entry(question).map(entry -> found(question, current, entry));
    }

    private Lookup found(String question, List<String> current, Response entry) {
        recovered();
        if (current.contains(null)) {
            return GENERATION_MISSING;
        }
        String tag = String.join(",", current);
        if (entry == null) {
            return new Lookup(tag, null);
        }
        Buffer stored = entry.toBuffer().getDelegate();
        byte[] prefix = (tag + "\n").getBytes(StandardCharsets.US_ASCII);
        if (stored.length() < prefix.length || !Buffer.buffer(prefix).equals(stored.slice(0, prefix.length))) {
            return new Lookup(tag, null);
        }
        near.keep(question, tag, stored.getBytes(prefix.length, stored.length()));
        return new Lookup(tag, stored.slice(prefix.length, stored.length()));
    }

    /** Stores {@code json} as the fresh answer under {@code tag} (when there is one) and as the last good answer. */
    public void store(String question, String tag, byte[] json) {
        if (!config.enabled()) {
            return;
        }
        // two keys of two hash slots: two commands, not one pipeline (a Redis Cluster refuses a cross-slot pipeline)
        List<Uni<Response>> writes = new ArrayList<>(2);
        if (tag != null) {
            near.keep(question, tag, json);
            Buffer entry = Buffer.buffer(tag.length() + 1 + json.length)
                    .appendString(tag, "US-ASCII")
                    .appendByte((byte) '\n')
                    .appendBytes(json);
            writes.add(redis.send(Request.cmd(Command.SET)
                    .arg(freshKey(question))
                    .arg(entry.getBytes())
                    .arg("EX")
                    .arg(config.ttl().toSeconds())));
        }
        writes.add(redis.send(Request.cmd(Command.SET)
                .arg(lastGoodKey(question))
                .arg(json)
                .arg("EX")
                .arg(config.lastGoodTtl().toSeconds())));
        Uni.join()
                .all(writes)
                .andFailFast()
                .ifNoItem()
                .after(config.timeout())
                .fail()
                .subscribe()
                .with(ok -> recovered(), this::degraded);
    }

    /** The last good answer to {@code question}, or null (also when Redis does not answer). */
    public Uni<Buffer> lastGood(String question) {
        if (!config.enabled()) {
            return Uni.createFrom().nullItem();
        }
        return redis.send(Request.cmd(Command.GET).arg(lastGoodKey(question)))
                .ifNoItem()
                .after(config.timeout())
                .fail()
                .map(reply -> reply == null ? null : reply.toBuffer().getDelegate())
                .onFailure()
                .recoverWithItem(failure -> {
                    degraded(failure);
                    return null;
                });
    }

    /** A question: its kind and the bytes of the request that asks it (protobuf encodes one message one way). */
    public static String question(String kind, byte[] request) {
        MessageDigest digest = SHA_256.get(); // digest() resets it for the thread's next question
        digest.update(kind.getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        return kind + ":" + HexFormat.of().formatHex(digest.digest(request));
    }

    private String freshKey(String question) {
        return config.keyPrefix() + "answer:" + question;
    }

    private String lastGoodKey(String question) {
        return config.keyPrefix() + "last-good:" + question;
    }

    private void recovered() {
        if (failing.compareAndSet(true, false)) {
            LOG.info("Redis answers again; answers are cached again");
        }
    }

    private void degraded(Throwable failure) {
        if (failing.compareAndSet(false, true)) {
            LOG.warnf(
                    "Redis answer cache unavailable, asking the services for every answer until it returns: %s",
                    failure.toString());
        }
    }
}
