package dev.capflow.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * One process's copies of cached answers, each with the tag (the answer generations, {@link AnswerGenerationKeys}) it
 * was cached under in Redis. A copy proves nothing by itself: its user serves it only when the generations it has just
 * read from Redis for the request equal the copy's tag, exactly as it would serve the Redis entry; the copy only spares
 * reading, sending and decoding the entry. A copy older than the entry's lifetime is dropped, as Redis would expire the
 * entry. Bounded by the bytes the values hold, a Caffeine cache (W-TinyLFU): a new copy joins the most recent ones (1%
 * of the bound), and past them it stays only if it was asked for more often than the copy it would push out.
 */
public final class TaggedCopies<V> {

    /** One copy: the tag it is valid under, and the value. */
    public record Copy<V>(String tag, V value) {}

    /** What a copy costs beyond its value (the key, the tag, the cache's node), for the bound. */
    private static final int OVERHEAD = 256;

    private final Cache<String, Copy<V>> copies;
    private final long maxBytes;
    private final ToLongFunction<V> size;

    /**
     * Copies of at most {@code maxBytes} ({@code size} tells a value's bytes; 0 keeps nothing), each kept for at most
     * {@code lifetimeNanos} of {@code nanoClock}.
     */
    public TaggedCopies(long maxBytes, long lifetimeNanos, ToLongFunction<V> size, LongSupplier nanoClock) {
        this.maxBytes = maxBytes;
        this.size = size;
        this.copies = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Copy<V> copy) -> weight(copy.value()))
                .expireAfterWrite(Duration.ofNanos(lifetimeNanos))
                .ticker(nanoClock::getAsLong)
                // evictions run in the caller (amortised constant work), so the bound holds when keep() returns
                .executor(Runnable::run)
                .build();
    }

    /** The copy kept under {@code key}, or null when there is none within its lifetime. */
    public Copy<V> find(String key) {
        return copies.getIfPresent(key);
    }

    /** The value of the copy under {@code key} when {@code currentTag} is its tag; else the copy is dropped, null. */
    public V current(String key, Copy<V> copy, String currentTag) {
        if (copy.tag().equals(currentTag)) {
            return copy.value();
        }
        copies.asMap().remove(key, copy);
        return null;
    }

    /** Keeps {@code value} under {@code key}, valid while the generations equal {@code tag}. */
    public void keep(String key, String tag, V value) {
        if (cost(value) > maxBytes) {
            return; // it could never be kept: the copy already under the key, if any, stays
        }
        copies.put(key, new Copy<>(tag, value));
    }

    /** The bytes the copies hold, with their overhead. */
    public long bytes() {
        return copies.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    private int weight(V value) {
        return (int) Math.min(Integer.MAX_VALUE, cost(value));
    }

    private long cost(V value) {
        return size.applyAsLong(value) + OVERHEAD;
    }
}
