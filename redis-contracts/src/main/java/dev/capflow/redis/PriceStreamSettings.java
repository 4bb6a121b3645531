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

    /** The pause after a round of stream reads that found nothing new (the latency of an idle reader). */
    @WithDefault("50ms")
    Duration streamPoll();

    /**
     * The number of price stream shards ({@code stream-key:{n}}); ingest-service and basket-service must agree, a symbol's
     * shard being CRC32 of its name modulo this.
     */
    @WithDefault(PriceStreamEntries.DEFAULT_SHARDS)
    int streamShards();

    /** The price stream's shards under {@link #streamKey()}. */
    default PriceStreamEntries.Shards streamShardKeys() {
        return new PriceStreamEntries.Shards(streamKey(), streamShards());
    }
}
