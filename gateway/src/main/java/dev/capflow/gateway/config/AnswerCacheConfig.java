package dev.capflow.gateway.config;

import dev.capflow.redis.AnswerGenerationKeys;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The Redis response cache of the basket answer routes ({@code capflow.gateway.answer-cache.*}). */
@ConfigMapping(prefix = "capflow.gateway.answer-cache")
public interface AnswerCacheConfig {

    /** Off: every request goes to basket-service (for measurements, or to rule the cache out). */
    @WithDefault("true")
    boolean enabled();

    /** Prefix of the keys the gateway writes. */
    @WithDefault("capflow:gateway:")
    String keyPrefix();

    /**
     * Where basket-service keeps each basket's answer generation: {@code {prefix}{basketId}:generation} (its
     * {@code capflow.basket.redis.key-prefix}).
     */
    @WithDefault(AnswerGenerationKeys.DEFAULT_PREFIX)
    String generationKeyPrefix();

    /**
     * How long a fresh answer is kept. A moved generation retires it at once; the lifetime only bounds memory and what
     * a lost announcement could leave stale.
     */
    @WithDefault("10m")
    Duration ttl();

    /** How long the last good answer to each question is kept, to be served, marked stale, while basket-service is down. */
    @WithDefault("7d")
    Duration lastGoodTtl();

    /**
     * How many bytes of answers each replica keeps a copy of (0: none). A copy is served only when the generations read
     * from Redis for the request equal its tag, so it spares reading the entry, never the freshness check.
     */
    @WithDefault("16777216")
    long nearCopiesMaxBytes();

    /**
     * How many reads of the generations may be in flight at once: a lookup that finds fewer is read at once, else it
     * shares the next read with the lookups that ask meanwhile (a lookup never shares a read sent before it asked, see
     * GenerationReads). 1 until 2 is measured not to cost CPU per cached hit (docs/decisions.md).
     */
    @WithDefault("1")
    int generationReadsInFlight();

    /** Give up on a Redis read after this long and ask basket-service instead. */
    @WithDefault("200ms")
    Duration timeout();
}
