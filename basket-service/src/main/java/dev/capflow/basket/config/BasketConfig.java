package dev.capflow.basket.config;

import dev.capflow.grpc.DownstreamPolicy;
import dev.capflow.redis.AnswerGenerationKeys;
import dev.capflow.redis.PriceStreamSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Settings of the basket service ({@code capflow.basket.*}). */
@ConfigMapping(prefix = "capflow.basket")
public interface BasketConfig {

    /**
     * The oldest a member's (or FX rate's) last close before the base date may be, in whole days: a member or rate
     * without a close on the base date itself carries its last earlier close forward, from at most this far back.
     * History is fetched from this far before the base date; a member whose last earlier close is older is refused
     * naming that close and this limit.
     */
    @WithDefault("14d")
    Duration maxBaseStaleness();

    /**
     * The most members one basket may have (create and update refuse more, naming basket.members). The cost of a
     * basket's answers is bounded by {@link #maxHistoryPoints()}, not by this.
     */
    @WithDefault("3000")
    int maxMembers();

    /**
     * The most price points one answer may read: (members + FX + benchmark series) x calendar days from the base date
     * (less max-base-staleness) to the end of the window. Beyond it the answer is refused with RESOURCE_EXHAUSTED naming this
     * limit, so that the memory one answer holds (about 12 bytes a point) is bounded by configuration, not by input.
     * 3,000,000 admits 500 members over 10 years and 2,000 members over 1 year.
     */
    @WithDefault("3000000")
    long maxHistoryPoints();

    /** How basket-service calls ingest-service. */
    Ingest ingest();

    /** Which FX series converts prices between two currencies. */
    Fx fx();

    /** Redis cache and event-bus settings. */
    Redis redis();

    /** Redis keys, lifetimes and timeouts; Redis is never the source of truth. */
    interface Redis extends PriceStreamSettings {

        /** Prefix of the keys this service writes, answer generations ({@code {prefix}{id}:generation}) included. */
        @WithDefault(AnswerGenerationKeys.DEFAULT_PREFIX)
        String keyPrefix();

        /**
         * How long a cached history or answer lives. Edits and announced history changes move the answer generation at
         * once; the lifetime bounds what a lost announcement could leave stale.
         */
        @WithDefault("10m")
        Duration ttl();

        /**
         * How many bytes of answers this replica keeps a parsed copy of (0: none). A copy is served only when the
         * generations read from Redis for the call equal its tag, so it spares reading and parsing the entry, never the
         * freshness check.
         */
        @WithDefault("16777216")
        long nearCopiesMaxBytes();

        /** Give up on a Redis read after this long and compute directly instead. */
        @WithDefault("300ms")
        Duration timeout();

        /**
         * The shortest interval between two live levels of one watched basket (updates in between are coalesced). It
         * bounds what a level adds to tick-to-screen latency; one level costs a pass of the engine over the basket's
         * cached history, so 5 ms is at most 200 passes a second per watched basket (one watch per gateway replica).
         */
        @WithDefault("5ms")
        Duration watchInterval();

        /** Histories with more closes than this are not cached (an entry is about 30 bytes a close). */
        @WithDefault("200000")
        long historyMaxPoints();
    }

    /** FX series per currency pair (see {@link dev.capflow.basket.market.FxSeries}). */
    interface Fx {

        /**
         * Pair {@code BASE/QUOTE} to the symbol of the FX instrument quoting QUOTE units per one BASE, observed on each
         * date (the rate that converts that date's closes), e.g. {@code "USD/JPY"=DEXJPUS}. One pair converts both ways.
         */
        Map<String, String> series();

        /**
         * The longest an FX observation is carried forward: on every date from the base date to the last close an
         * answer uses, the rate in effect must have been observed at most this long before (FX series skip holidays,
         * so a few days is normal). An answer needing an older rate is refused with FAILED_PRECONDITION naming the
         * pair, the series, the date and the last observation. At most {@link BasketConfig#maxBaseStaleness()}, the
         * history fetched before the base date.
         */
        @WithDefault("14d")
        Duration maxStaleness();
    }

    /** Per-call deadlines, read retries (every call made is an idempotent read) and the circuit breaker for ingest-service. */
    interface Ingest extends DownstreamPolicy {

        /** Deadline of one StreamBars call, which carries a whole basket's history. */
        @WithDefault("60s")
        Duration historyDeadline();

        /**
         * The most symbols one ListInstruments or GetLatestPrices call names; larger sets are asked in pieces. Must
         * not exceed ingest-service's capflow.ingest.max-symbols-per-query.
         */
        @WithDefault("500")
        int symbolsPerCall();
    }
}
