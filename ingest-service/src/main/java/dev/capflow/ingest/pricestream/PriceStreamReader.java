package dev.capflow.ingest.pricestream;

import dev.capflow.ingest.cache.PriceCodec;
import dev.capflow.ingest.config.IngestConfig;
import dev.capflow.ingest.domain.Tick;
import dev.capflow.ingest.metrics.IngestMetrics;
import dev.capflow.ingest.metrics.StreamLag;
import dev.capflow.ingest.stream.PriceFanout;
import dev.capflow.ingest.stream.StreamEvent;
import dev.capflow.redis.PriceStreamEntries;
import dev.capflow.redis.RedisTopology;
import dev.capflow.redis.StreamEntry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Live subscriptions of this process, and its reader of the price stream's shards while any is open: the reader hands
 * ticks stored by other replicas to the in-process fanout. This process's own ticks are delivered locally at commit
 * time, so entries tagged with its id are skipped, and so are the entries that announce changed history rather than a
 * tick. A packed entry's ticks are handed on in order, as if they were entries of their own. Nobody else needs what it
 * reads, so without a subscriber nothing is read (reading back every entry of a busy stream cost more than writing it).
 * Each spell of subscriptions has a reader of its own (redis-contracts' {@link dev.capflow.redis.PriceStreamReader}),
 * positioned at each shard's newest entry (never "$") as the first subscription begins; a subscription gets local ticks
 * at once, and other replicas' from that position on (a remote tick appended during the first subscription's
 * positioning, one Redis round trip, may be missed). Entries lost before it read them (the reader reports them) are
 * announced to every subscriber.
 */
@ApplicationScoped
public class PriceStreamReader implements dev.capflow.redis.PriceStreamReader.Handler {

    private static final Logger LOG = Logger.getLogger(PriceStreamReader.class);

    private final Supplier<dev.capflow.redis.PriceStreamReader> readers;
    private final Duration readTimeout;
    private final InstanceId instanceId;
    private final PriceFanout fanout;
    private final StreamLag lag;

    /** Open subscriptions; guarded by this. */
    private int followers;
    /** The reader of the current spell of subscriptions; null while there is none. Guarded by this. */
    private Following following;
    /** Set at shutdown: no reader starts any more. Guarded by this. */
    private boolean shutDown;

    public PriceStreamReader(
            Redis redis,
            IngestConfig config,
            InstanceId instanceId,
            PriceFanout fanout,
            IngestMetrics metrics,
            @ConfigProperty(name = "quarkus.redis.client-type", defaultValue = "standalone") String clientType) {
        this.readers = () -> new dev.capflow.redis.PriceStreamReader(
                redis,
                RedisTopology.ofClientType(clientType),
                config.redis().streamShardKeys(),
                config.redis().streamPolling(),
                config.redis().readTimeout(),
                "local ticks are still delivered");
        this.readTimeout = config.redis().readTimeout();
        this.instanceId = instanceId;
        this.fanout = fanout;
        this.lag = metrics.streamLag();
    }

    /** {@link PriceFanout#subscribe}, with other replicas' ticks read from the stream while it is open. */
    public Multi<StreamEvent> subscribe(Set<String> symbols) {
        return Multi.createFrom().deferred(() -> {
            follow();
            return fanout.subscribe(symbols).onTermination().invoke(this::unfollow);
        });
    }

    /** True while the stream is read (the reader positioned): only while a subscription is open. */
    public synchronized boolean reading() {
        return following != null && following.started;
    }

    void stop(@Observes ShutdownEvent event) {
        synchronized (this) {
            shutDown = true;
            stopFollowing();
        }
    }

    /** Starts the reader of a new spell of subscriptions, unless one runs. */
    private synchronized void follow() {
        followers++;
        if (following == null && !shutDown) {
            following = new Following(readers.get());
        }
    }

    private synchronized void unfollow() {
        followers--;
        if (followers == 0) {
            stopFollowing();
        }
    }

    private void stopFollowing() {
        if (following != null) {
            following.stop();
            following = null;
            lag.caughtUp(); // nothing is read, so nothing lags
        }
    }

    /** Entries lost unread may be other replicas' ticks: every subscriber is told (the reader logged it). */
    @Override
    public void entriesMayBeLost(String reason) {
        fanout.ticksMayBeLost(reason);
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
            List<Tick> entryTicks = PriceCodec.decodeStreamTicks(entry.fields());
            if (entryTicks == null) {
                LOG.debugf("skipping malformed price stream entry %s", entry.id());
            } else {
                ticks.addAll(entryTicks);
            }
        }
        lag.read(entries.get(entries.size() - 1).id()); // the newest: a batch is sorted by id
        fanout.publish(ticks);
    }

    /** One reader from its position to its stop; it starts reading once positioned (or failing to be: it retries). */
    private final class Following {

        private final dev.capflow.redis.PriceStreamReader reader;
        /** Guarded by the outer instance. */
        private boolean started;
        /** Guarded by the outer instance. */
        private boolean stopped;

        private Following(dev.capflow.redis.PriceStreamReader reader) {
            this.reader = reader;
            reader.position()
                    .ifNoItem()
                    .after(readTimeout)
                    .fail()
                    .onFailure()
                    .invoke(failure -> LOG.debugf("price stream not positioned at once: %s", failure.toString()))
                    .onFailure()
                    .recoverWithNull()
                    .subscribe()
                    .with(ignored -> start());
        }

        private void start() {
            synchronized (PriceStreamReader.this) {
                if (!stopped) {
                    reader.start(PriceStreamReader.this);
                    started = true;
                }
            }
        }

        private void stop() {
            stopped = true;
            reader.stop();
        }
    }
}
