package dev.capflow.redis;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * One process's copies of cached answers, each with the tag (the answer generations, {@link AnswerGenerationKeys}) it
 * was cached under in Redis. A copy proves nothing by itself: its user serves it only when the generations it has just
 * read from Redis for the request equal the copy's tag, exactly as it would serve the Redis entry; the copy only spares
 * reading, sending and decoding the entry. A copy older than the entry's lifetime is dropped, as Redis would expire the
 * entry. Bounded by the bytes the values hold: past the bound, arbitrary other copies are dropped until the new one
 * fits.
 */
public final class TaggedCopies<V> {

    /** One copy: the tag it is valid under, the value, and when it was kept (nanoTime). */
    public record Copy<V>(String tag, V value, long keptAtNanos) {}

    /** What a copy costs beyond its value (the key, the tag, the map's node), for the bound. */
    private static final int OVERHEAD = 256;

    private final Map<String, Copy<V>> copies = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long maxBytes;
    private final long lifetimeNanos;
    private final ToLongFunction<V> size;
    private final LongSupplier nanoClock;

    /**
     * Copies of at most {@code maxBytes} ({@code size} tells a value's bytes; 0 keeps nothing), each kept for at most
     * {@code lifetimeNanos} of {@code nanoClock}.
     */
    public TaggedCopies(long maxBytes, long lifetimeNanos, ToLongFunction<V> size, LongSupplier nanoClock) {
        this.maxBytes = maxBytes;
        this.lifetimeNanos = lifetimeNanos;
        this.size = size;
        this.nanoClock = nanoClock;
    }

    /** The copy kept under {@code key}, or null when there is none within its lifetime. */
    public Copy<V> find(String key) {
        Copy<V> copy = copies.get(key);
        if (copy == null) {
            return null;
        }
        if (nanoClock.getAsLong() - copy.keptAtNanos() >= lifetimeNanos) {
            drop(key, copy);
            return null;
        }
        return copy;
    }

    /** The value of the copy under {@code key} when {@code currentTag} is its tag; else the copy is dropped, null. */
    public V current(String key, Copy<V> copy, String currentTag) {
        if (copy.tag().equals(currentTag)) {
            return copy.value();
        }
        drop(key, copy);
        return null;
    }

    /** Keeps {@code value} under {@code key}, valid while the generations equal {@code tag}. */
    public void keep(String key, String tag, V value) {
        long cost = cost(value);
        if (cost > maxBytes) {
            return;
        }
        Copy<V> previous = copies.put(key, new Copy<>(tag, value, nanoClock.getAsLong()));
        bytes.addAndGet(previous == null ? cost : cost - cost(previous.value()));
        Iterator<Map.Entry<String, Copy<V>>> others = copies.entrySet().iterator();
        while (bytes.get() > maxBytes && others.hasNext()) {
            Map.Entry<String, Copy<V>> other = others.next();
            if (!other.getKey().equals(key)) {
                drop(other.getKey(), other.getValue());
            }
        }
    }

    /** The bytes the copies hold, with their overhead. */
    public long bytes() {
        return bytes.get();
    }

    private void drop(String key, Copy<V> copy) {
        if (copies.remove(key, copy)) {
            bytes.addAndGet(-cost(copy.value()));
        }
    }

    private long cost(V value) {
        return size.applyAsLong(value) + OVERHEAD;
    }
}
