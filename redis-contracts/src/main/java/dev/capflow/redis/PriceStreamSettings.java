package dev.capflow.redis;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The price stream settings every service that reads or writes the stream shares (ingest-service and basket-service
 * extend it in their own {@code redis} config group), so that both take the same keys and shard count by default.
 */
public interface PriceStreamSettings {

    /** The prefix of the price stream's shard keys. */
    @WithDefault(PriceStreamEntries.DEFAULT_KEY)
    String streamKey();

    /** The pause after a round of stream reads that found nothing new (the latency of a reader between ticks). */
    @WithDefault("50ms")
    Duration streamPoll();

    /** After this long without a new entry the reader counts as idle and pauses {@link #streamIdlePoll()} instead. */
    @WithDefault("2s")
    Duration streamIdleAfter();

    /**
     * The pause after an empty round of an idle reader: the latency of the first tick after a quiet spell, traded for
     * a few rounds of XREADs a second instead of one per {@link #streamPoll()}.
     */
    @WithDefault("500ms")
    Duration streamIdlePoll();

    /**
     * The number of price stream shards ({@code stream-key:{n}}); ingest-service and basket-service must agree, a symbol's
     * shard being CRC32 of its name modulo this.
     */
    @WithDefault(PriceStreamEntries.DEFAULT_SHARDS)
    int streamShards();

    /** How the stream's readers pause between rounds. */
    default StreamPolling streamPolling() {
        return new StreamPolling(streamPoll(), streamIdleAfter(), streamIdlePoll());
    }

    /** The price stream's shards under {@link #streamKey()}. */
    default PriceStreamEntries.Shards streamShardKeys() {
        return new PriceStreamEntries.Shards(streamKey(), streamShards());
    }
}
