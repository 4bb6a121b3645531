package dev.capflow.ingest.metrics;

import dev.capflow.ingest.domain.IngestResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Business metrics: stored, duplicate and rejected records, failed Redis publishes, latest-price cache
 * hits and misses, and the lag of the price stream reader.
 */
@ApplicationScoped
@Startup // every series exists, at zero, from the first scrape on, not only once a record or a subscription used it
public class IngestMetrics {

    private final Outcomes bars;
    private final Outcomes ticks;
    private final Counter redisPublishFailures;
    private final Counter latestCacheHits;
    private final Counter latestCacheMisses;
    private final StreamLag streamLag;

    public IngestMetrics(MeterRegistry registry, Clock clock) {
        this.bars = new Outcomes(registry, "capflow.ingest.bars", "daily bars");
        this.ticks = new Outcomes(registry, "capflow.ingest.ticks", "ticks");
        this.redisPublishFailures = Counter.builder("capflow.ingest.redis.publish.failures")
                .description("pipelined Redis publishes (latest-price hash, price stream) that failed or timed out")
                .register(registry);
        this.latestCacheHits = latestCacheCounter(registry, "hit");
        this.latestCacheMisses = latestCacheCounter(registry, "miss");
        this.streamLag = new StreamLag(clock);
        TimeGauge.builder("capflow.ingest.stream.lag", streamLag, TimeUnit.MILLISECONDS, StreamLag::millis)
                .description("age of the newest price stream entry read by this replica (0 when caught up)")
                .register(registry);
    }

    private static Counter latestCacheCounter(MeterRegistry registry, String result) {
        return Counter.builder("capflow.ingest.latest.cache.lookups")
                .tag("result", result)
                .description("symbols asked for their latest price, by whether the Redis hash answered them")
                .register(registry);
    }

    public void bars(IngestResult result) {
        bars.count(result);
    }

    public void ticks(IngestResult result) {
        ticks.count(result);
    }

    public void redisPublishFailure() {
        redisPublishFailures.increment();
    }

    /** One latest-price request: {@code hits} symbols answered by the Redis hash, {@code misses} by PostgreSQL. */
    public void latestCacheLookups(int hits, int misses) {
        latestCacheHits.increment(hits);
        latestCacheMisses.increment(misses);
    }

    /** The lag gauge of the price stream reader. */
    public StreamLag streamLag() {
        return streamLag;
    }

    /** One counter per outcome of one record type, tagged {@code outcome}. */
    private static final class Outcomes {
        private final Counter accepted;
        private final Counter duplicate;
        private final Counter rejected;
        private final Counter replaced;

        private Outcomes(MeterRegistry registry, String name, String what) {
            accepted = counter(registry, name, what, "accepted");
            duplicate = counter(registry, name, what, "duplicate");
            rejected = counter(registry, name, what, "rejected");
            replaced = counter(registry, name, what, "replaced");
        }

        private static Counter counter(MeterRegistry registry, String name, String what, String outcome) {
            return Counter.builder(name)
                    .tag("outcome", outcome)
                    .description(what + " by ingest outcome")
                    .register(registry);
        }

        private void count(IngestResult result) {
            accepted.increment(result.accepted());
            duplicate.increment(result.duplicates());
            rejected.increment(result.rejected().size());
            replaced.increment(result.replaced());
        }
    }
}
