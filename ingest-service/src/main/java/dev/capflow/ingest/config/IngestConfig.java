package dev.capflow.ingest.config;

import dev.capflow.redis.AnswerGenerationKeys;
import dev.capflow.redis.PriceStreamSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Period;
import java.util.Optional;

/** Limits and Redis settings of the ingest service ({@code capflow.ingest.*}). */
@ConfigMapping(prefix = "capflow.ingest")
public interface IngestConfig {

    /** The most bars one IngestBars request may carry. */
    @WithDefault("50000")
    int maxBarsPerRequest();

    /** The most ticks one IngestTicks batch may carry. */
    @WithDefault("50000")
    int maxTicksPerBatch();

    /** The most symbols one GetBarsBatch or GetLatestPrices request may name. */
    @WithDefault("1000")
    int maxSymbolsPerQuery();

    /**
     * The most symbols one StreamBars request may name. StreamBars holds at most {@link #streamSymbolsPerRead()}
     * series at once, so this bounds the work of one call, not its memory.
     */
    @WithDefault("10000")
    int maxSymbolsPerStream();

    /** Symbols whose bars StreamBars reads from PostgreSQL (and holds in memory) together. */
    @WithDefault("50")
    int streamSymbolsPerRead();

    /**
     * Reads of {@link #streamSymbolsPerRead()} symbols a closes-only StreamBars runs concurrently (each takes a
     * connection of the pool while it runs); the next round is read while the previous one is sent, so what one call
     * holds at once is bounded by twice their product.
     */
    @WithDefault("4")
    int streamReadsAtOnce();

    /** The most bars one StreamBars piece carries (about 60 bytes each on the wire, far below gRPC's 4 MiB). */
    @WithDefault("2000")
    int barsPerPiece();

    /** Batches of one IngestTicks stream stored concurrently (their acknowledgements may arrive out of order). */
    @WithDefault("4")
    int tickBatchConcurrency();

    /**
     * Tick insert statements run at once by the whole service; batches arriving meanwhile wait and go in together by
     * the next free one.
     */
    @WithDefault("2")
    int tickStatementsAtOnce();

    /** Chunks of one ImportBars stream stored concurrently (their acknowledgements may arrive out of order). */
    @WithDefault("4")
    int barChunkConcurrency();

    /** CSV rows committed (and reported) together by ImportCsv. */
    @WithDefault("1000")
    int csvChunkSize();

    /** The most rejections one ImportCsv details; further bad rows are only counted (rejections_omitted). */
    @WithDefault("1000")
    int csvMaxRejections();

    /** How far ahead of the server clock a tick timestamp may be. */
    @WithDefault("5m")
    Duration tickClockSkew();

    /**
     * How long ticks are kept: monthly tick partitions whose whole month is older than this are dropped (with their
     * ticks). Absent (the default): ticks are kept for ever.
     */
    Optional<Period> tickRetention();

    /**
     * How long minute bars are kept, independently of their ticks: monthly minute-bar partitions whose whole month is
     * older than this are dropped. Absent (the default): minute bars are kept for ever.
     */
    Optional<Period> minuteBarRetention();

    /**
     * How often the parts of minute bars that the tick path appends are merged into the stored bars. Readers merge the
     * parts not merged yet, so this bounds only how many they merge, not what they see.
     */
    @WithDefault("1s")
    Duration minuteBarFoldEvery();

    /** Creation ahead of the tick and minute-bar partitions, and the retention job. */
    TickPartitions tickPartitions();

    /** The optional PostgreSQL read replica. */
    ReadReplica readReplica();

    /** How the PostgreSQL pools (the primary's and the replica's) queue requests for a connection. */
    PoolQueue pool();

    /** Redis cache and event-bus settings. */
    Redis redis();

    /** Monthly partitions of ingest.tick (ticks of a month without one go to the DEFAULT partition). */
    interface TickPartitions {

        /** Partitions exist for the current UTC month and this many months after it. */
        @WithDefault("3")
        int monthsAhead();

        /** How often the job creates missing partitions and applies the retention (also once at start). */
        @WithDefault("1h")
        Duration checkEvery();
    }

    /**
     * The wait for a pooled connection (the pool's size is quarkus.datasource.reactive.max-size). A request refused by
     * a full queue, or not served within the timeout, answers UNAVAILABLE (grpc-support's DatabaseFailures).
     */
    interface PoolQueue {

        /** Requests that may wait for a connection when every one is in use; -1: no limit. */
        @WithDefault("-1")
        int maxWaitQueue();

        /** How long a request waits for a connection before it is refused. */
        @WithDefault("30s")
        Duration acquireTimeout();
    }

    /** Where reads that may be slightly stale are served from (see ReadPools). */
    interface ReadReplica {

        /** The replica's reactive URL (CAPFLOW_PG_READ_URL); absent: every read uses the primary. */
        Optional<String> url();

        /**
         * Reads stay on the primary for this long after this process committed a write, and reads of ticks or minute
         * bars newer than this go to the primary; the replica's replication lag must stay below it.
         */
        @WithDefault("10s")
        Duration freshWindow();

        /** Connections of the replica pool. */
        @WithDefault("10")
        int maxSize();
    }

    /** Redis keys and timeouts; Redis is never the source of truth. */
    interface Redis extends PriceStreamSettings {

        /** The hash of latest prices: field = symbol, value = JSON {price, ts (epoch millis), source}. */
        @WithDefault("capflow:latest")
        String latestKey();

        /** Approximate cap on the ticks each stream shard keeps (XADD MAXLEN ~, in entries of the size appended). */
        @WithDefault("100000")
        long streamMaxLen();

        /** Give up on publishing one batch after this long (publishing never delays an ingest answer). */
        @WithDefault("5s")
        Duration publishTimeout();

        /**
         * How often the change relay looks for change entries that an earlier attempt (of any replica, or of a process
         * before this one) left unappended; the first retry after a failure waits as long, each next one twice as long
         * (up to 30 s).
         */
        @WithDefault("1s")
        Duration changeRelayEvery();

        /**
         * Where basket-service keeps its answer generations (its capflow.basket.redis.key-prefix): a history change
         * moves those of the baskets computed from the symbol before it is acknowledged.
         */
        @WithDefault(AnswerGenerationKeys.DEFAULT_PREFIX)
        String answerGenerationPrefix();

        /** Acknowledge a history change without moving the answer generations after this long (its change entry will). */
        @WithDefault("500ms")
        Duration answerGenerationTimeout();

        /** Give up on a Redis read after this long and answer from PostgreSQL instead. */
        @WithDefault("500ms")
        Duration readTimeout();

        /** Ticks buffered per SubscribePrices subscriber before the oldest are dropped. */
        @WithDefault("1024")
        int subscriberBuffer();
    }
}
