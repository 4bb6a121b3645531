package dev.capflow.heap;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Gives the heap's free room back once a service turns idle. The collector takes room under load (a larger old
 * generation, a young one sized from it) and Serial gives it back only at a full collection, which an idle service
 * does not have; all of that room that was touched stays resident. So this samples the allocation every
 * {@link IdleHeapCompactionConfig#sampleInterval()} (from eden, {@link HeapReading}) and, once per idle period
 * ({@link IdlePeriods}), runs a {@link HeapCompaction} on a thread of its own (never an event loop), but only when the
 * heap has grown past {@code -Xms} and a full collection ran since the start or the last compaction
 * ({@link HeapReading#grownSince}): otherwise the generations are at their initial sizes, which no collection shrinks,
 * and a compaction would only size the young generation from the old one (for ingest-service, {@code NewRatio=1}, 28
 * MB instead of 4).
 */
@ApplicationScoped
public class IdleHeapCompactor {

    private static final Logger LOG = Logger.getLogger(IdleHeapCompactor.class);

    private final IdleHeapCompactionConfig config;
    private ScheduledExecutorService sampler;
    private HeapReading last;
    private HeapReading compacted;

    public IdleHeapCompactor(IdleHeapCompactionConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        HeapReadings heap = HeapReadings.ofThisJvm();
        HeapCompaction compaction = new HeapCompaction(config.minHeapFreeRatio(), config.maxHeapFreeRatio());
        if (!config.enabled() || heap == null || !compaction.available()) {
            return;
        }
        long intervalMillis = config.sampleInterval().toMillis();
        IdlePeriods periods = new IdlePeriods(config.quietAllocationRate() * intervalMillis / 1000, (int)
                Math.max(1, config.idleAfter().toMillis() / intervalMillis));
        last = heap.now();
        compacted = last;
        sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "idle-heap-compaction");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleWithFixedDelay(
                () -> sample(heap, periods, compaction), intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (sampler != null) {
            sampler.shutdownNow();
        }
    }

    private void sample(HeapReadings heap, IdlePeriods periods, HeapCompaction compaction) {
        try {
            HeapReading now = heap.now();
            boolean idle = periods.turnedIdle(now.allocatedSince(last));
            last = now;
            if (idle && now.grownSince(compacted)) {
                HeapCompaction.Result result = compaction.compact();
                last = heap.now();
                compacted = last;
                LOG.infof(
                        "idle: heap compacted, %d MB committed before, %d MB after",
                        result.committedBefore() >> 20, result.committedAfter() >> 20);
            }
        } catch (RuntimeException e) {
            LOG.warn("idle heap compaction failed; the heap stays as it is", e);
        }
    }
}
