package dev.capflow.redis;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * How a missing answer generation is created, the one way for both of its writers: basket-service, and the gateway's
 * answer cache for a lookup that found none (a Redis restarted empty, a flushed or evicted key), so that the answer it
 * then asks for is cached at once. The value is the clock in microseconds, so a recreated key never repeats a value
 * that older cache entries carry, and the basket joins the set of baskets that have a generation (what a repair
 * moves). One EVAL of keys of one hash slot.
 */
public final class MissingGenerations {

    /**
     * KEYS[1] = a generation, KEYS[2] = the baskets set; ARGV[1] = a fresh value, ARGV[2] = the basket id, ARGV[3] =
     * GET (read it) or INCR (move it). Creates a missing generation first.
     */
    public static final String ENSURE_THEN = """
            redis.call('SET', KEYS[1], ARGV[1], 'NX')
            redis.call('SADD', KEYS[2], ARGV[2])
            return redis.call(ARGV[3], KEYS[1])""";

    private MissingGenerations() {}

    /**
     * What follows EVAL to run {@link #ENSURE_THEN} for {@code basketId} under basket-service's key {@code prefix}:
     * the script, its two keys, a fresh value, {@code basketId}, then {@code command} (GET or INCR).
     */
    public static List<String> evalArguments(String prefix, String basketId, String command) {
        return List.of(
                ENSURE_THEN,
                "2",
                AnswerGenerationKeys.generation(prefix, basketId),
                AnswerGenerationKeys.baskets(prefix),
                Long.toString(freshValue()),
                basketId,
                command);
    }

    /** A value no generation had before: the clock in microseconds. */
    public static long freshValue() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
