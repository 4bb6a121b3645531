package dev.capflow.ingest.pricestream;

import dev.capflow.ingest.cache.PriceCodec;
import dev.capflow.ingest.config.IngestConfig;
import dev.capflow.ingest.domain.Tick;
import dev.capflow.ingest.metrics.IngestMetrics;
import dev.capflow.ingest.metrics.StreamLag;
import dev.capflow.ingest.stream.PriceFanout;
import dev.capflow.redis.PriceStreamEntries;
import dev.capflow.redis.RedisTopology;
import dev.capflow.redis.StreamEntry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * This process's reader of the price stream's shards (redis-contracts' {@link dev.capflow.redis.PriceStreamReader}:
 * from each shard's newest entry at start, never "$", so a tick another replica stores right after this one starts is not
 * missed), handing ticks stored by other replicas to the in-process fanout. This process's own ticks are delivered
 * locally at commit time, so entries tagged with its id are skipped, and so are the entries that announce changed
 * history rather than a tick.
 */
@ApplicationScoped
public class PriceStreamReader implements dev.capflow.redis.PriceStreamReader.Handler {

    private static final Logger LOG = Logger.getLogger(PriceStreamReader.class);

    private final dev.capflow.redis.PriceStreamReader reader;
    private final InstanceId instanceId;
    private final PriceFanout fanout;
    private final StreamLag lag;

    public PriceStreamReader(
            Redis redis,
            IngestConfig config,
            InstanceId instanceId,
            PriceFanout fanout,
            IngestMetrics metrics,
            @ConfigProperty(name = "quarkus.redis.client-type", defaultValue = "standalone") String clientType) {
        this.reader = new dev.capflow.redis.PriceStreamReader(
                redis,
                RedisTopology.ofClientType(clientType),
                config.redis().streamShardKeys(),
                config.redis().streamPolling(),
                config.redis().readTimeout(),
                "local ticks are still delivered");
        this.instanceId = instanceId;
        this.fanout = fanout;
        this.lag = metrics.streamLag();
    }

    void start(@Observes StartupEvent event) {
        reader.start(this);
    }

    void stop(@Observes ShutdownEvent event) {
        reader.stop();
    }

    @Override
    public void read(List<StreamEntry> entries) {
        if (entries.isEmpty()) {
            lag.caughtUp();
            return;
        }
        List<Tick> ticks = new ArrayList<>(entries.size());
        for (StreamEntry entry : entries) {
            if (instanceId.value().equals(PriceStreamEntries.origin(entry.fields()))
                    || PriceStreamEntries.isChange(entry.fields())) {
                continue;
            }
            Tick tick = PriceCodec.decodeStreamEntry(entry.fields());
            if (tick == null) {
                LOG.debugf("skipping malformed price stream entry %s", entry.id());
            } else {
                ticks.add(tick);
            }
        }
        lag.read(entries.get(entries.size() - 1).id()); // the newest: a batch is sorted by id
        fanout.publish(ticks);
    }
}
