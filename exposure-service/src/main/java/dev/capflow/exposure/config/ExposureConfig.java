package dev.capflow.exposure.config;

import dev.capflow.grpc.DownstreamPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** Settings of the exposure service ({@code capflow.exposure.*}). */
@ConfigMapping(prefix = "capflow.exposure")
public interface ExposureConfig {

    /** How exposure-service calls ingest-service (instruments and latest prices). */
    Ingest ingest();

    /** How exposure-service calls basket-service (basket weights for a stress test's basket impact). */
    Basket basket();

    /** The seed graph loaded into an empty database. */
    Seed seed();

    /** Bounds of a loop search. */
    Loops loops();

    /** The FX series a listing quoted in another currency is converted to USD with. */
    Fx fx();

    /** FX series per currency pair. */
    interface Fx {

        /**
         * Pair {@code USD/CCY} to the symbol of the series quoting CCY per one USD on the date it is observed, e.g.
         * {@code "USD/JPY"=DEXJPUS}; a listing is valued at its close divided by the rate observed on or before the
         * same date. Keep it equal to basket-service's {@code capflow.basket.fx.series}.
         */
        Map<String, String> series();
    }

    /** Per-call deadlines, read retries (every call made is an idempotent read) and the circuit breaker for ingest-service. */
    interface Ingest extends DownstreamPolicy {

        /**
         * How far back a past-dated analysis looks for a listed entity's last close at or before its date; an older
         * close values nothing (the entity is then reported without a value).
         */
        @WithDefault("14d")
        java.time.Duration closeLookback();
    }

    /** Per-call deadlines, read retries (every call made is an idempotent read) and the circuit breaker for basket-service. */
    interface Basket extends DownstreamPolicy {}

    /** Where the seed CSVs are and whether they are loaded at startup. */
    interface Seed {

        /** Load the seed at startup (once per database: see {@code SeedLoader}). */
        @WithDefault("true")
        boolean enabled();

        /** Classpath folder holding {@code entities.csv} and {@code edges.csv}. */
        @WithDefault("seed")
        String location();
    }

    /** Defaults and caps of ListLoops. */
    interface Loops {

        /** Longest loop (in arcs) when the request gives none. */
        @WithDefault("10")
        int defaultMaxLength();

        /** The longest loop a request may ask for. */
        @WithDefault("50")
        int maxMaxLength();

        /** Most loops returned when the request gives no limit. */
        @WithDefault("1000")
        int defaultLimit();

        /** The largest limit a request may ask for. */
        @WithDefault("100000")
        int maxLimit();
    }
}
