package dev.capflow.basket.config;

import java.time.Duration;

import dev.capflow.grpc.DownstreamPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the basket service ({@code capflow.basket.*}). */
@ConfigMapping(prefix = "capflow.basket")
public interface BasketConfig {

    /**
     * How far before a base date history is fetched, so that a member or FX rate with no close on the base date
     * itself carries its last earlier close forward.
     */
    @WithDefault("14d")
    Duration historyLookback();

    /** How basket-service calls ingest-service. */
    Ingest ingest();

    /** Redis cache and event-bus settings. */
    Redis redis();

    /** Redis keys, lifetimes and timeouts; Redis is never the source of truth. */
    interface Redis {

        /** The stream ingest-service appends every stored tick, and every change of stored history, to. */
        @WithDefault("capflow:prices")
        String streamKey();

        /** Prefix of the keys this service writes, answer generations ({@code {prefix}{id}:generation}) included. */
        @WithDefault("capflow:basket:")
        String keyPrefix();

        /**
         * How long a cached history or answer lives. Edits and announced history changes move the answer generation at
         * once; the lifetime bounds what a lost announcement could leave stale.
         */
        @WithDefault("10m")
        Duration ttl();

        /** Give up on a Redis read after this long and compute directly instead. */
        @WithDefault("300ms")
        Duration timeout();

        /** How long one XREAD blocks waiting for new stream entries. */
        @WithDefault("1s")
        Duration streamBlock();

        /** The shortest interval between two live levels of one watched basket (updates in between are coalesced). */
        @WithDefault("250ms")
        Duration watchInterval();
    }

    /** Per-call deadlines, read retries (every call made is an idempotent read) and the circuit breaker for ingest-service. */
    interface Ingest extends DownstreamPolicy {
    }
}
