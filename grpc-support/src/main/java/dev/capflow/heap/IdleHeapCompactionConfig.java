package dev.capflow.heap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * When a service gives its heap's free room back after it turns idle ({@code capflow.idle-heap-compaction.*}; see
 * {@link IdleHeapCompactor}).
 */
@ConfigMapping(prefix = "capflow.idle-heap-compaction")
public interface IdleHeapCompactionConfig {

    /** Off: the heap stays as the collections under load left it, until the next full collection. */
    @WithDefault("true")
    boolean enabled();

    /** How often the allocation is sampled. */
    @WithDefault("5s")
    Duration sampleInterval();

    /** How long the service must allocate at most {@link #quietAllocationRate()} before its heap is compacted. */
    @WithDefault("30s")
    Duration idleAfter();

    /**
     * The allocation rate, in bytes per second, at or under which a service counts as idle. An idle service (health
     * checks, metrics, its timers) allocates tens of KB per second; any request or tick traffic, MB.
     */
    @WithDefault("524288")
    long quietAllocationRate();

    /** The {@code MinHeapFreeRatio} (percent) of the compacting collection. */
    @WithDefault("0")
    int minHeapFreeRatio();

    /** The {@code MaxHeapFreeRatio} (percent) of the compacting collection: the free room a generation keeps. */
    @WithDefault("10")
    int maxHeapFreeRatio();
}
