package dev.capflow.ingest.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import dev.capflow.ingest.domain.IngestResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counters of stored, duplicate and rejected records, and of failed Redis publishes. */
@ApplicationScoped
public class IngestMetrics {

    private final Outcomes bars;
    private final Outcomes ticks;
    private final Counter redisPublishFailures;

    public IngestMetrics(MeterRegistry registry) {
        this.bars = new Outcomes(registry, "capflow.ingest.bars", "daily bars");
        this.ticks = new Outcomes(registry, "capflow.ingest.ticks", "ticks");
        this.redisPublishFailures = Counter.builder("capflow.ingest.redis.publish.failures")
                .description("pipelined Redis publishes (latest-price hash, price stream) that failed or timed out")
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

    /** One counter per outcome of one record type, tagged {@code outcome}. */
    private static final class Outcomes {
        private final Counter accepted;
        private final Counter duplicate;
        private final Counter rejected;

        private Outcomes(MeterRegistry registry, String name, String what) {
            accepted = counter(registry, name, what, "accepted");
            duplicate = counter(registry, name, what, "duplicate");
            rejected = counter(registry, name, what, "rejected");
        }

        private static Counter counter(MeterRegistry registry, String name, String what, String outcome) {
            return Counter.builder(name).tag("outcome", outcome).description(what + " by ingest outcome")
                    .register(registry);
        }

        private void count(IngestResult result) {
            accepted.increment(result.accepted());
            duplicate.increment(result.duplicates());
            rejected.increment(result.rejected().size());
        }
    }
}
