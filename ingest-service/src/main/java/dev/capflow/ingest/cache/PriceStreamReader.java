package dev.capflow.ingest.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.capflow.ingest.config.IngestConfig;
import dev.capflow.ingest.domain.Tick;
import dev.capflow.ingest.metrics.IngestMetrics;
import dev.capflow.ingest.metrics.StreamLag;
import dev.capflow.ingest.stream.PriceFanout;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.XReadArgs;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * The one reader of the price stream in this process: XREAD BLOCK from the newest entry on, with the
 * reactive client, handing ticks stored by other replicas to the in-process fanout (this process's
 * own ticks are delivered locally at commit time, so entries tagged with its id are skipped, and so are the entries
 * that announce changed history rather than a tick).
 * Reconnects with backoff while Redis is away and resumes after the last entry it saw.
 */
@ApplicationScoped
public class PriceStreamReader {

    private static final Logger LOG = Logger.getLogger(PriceStreamReader.class);
    private static final int MAX_ENTRIES_PER_READ = 1000;

    private final ReactiveStreamCommands<String, String, String> streams;
    private final IngestConfig.Redis config;
    private final InstanceId instanceId;
    private final PriceFanout fanout;
    private final StreamLag lag;
    private volatile String lastId = "$";
    private volatile boolean failing;
    private Cancellable loop;

    public PriceStreamReader(ReactiveRedisDataSource redis, IngestConfig config, InstanceId instanceId,
            PriceFanout fanout, IngestMetrics metrics) {
        this.streams = redis.stream(String.class, String.class, String.class);
        this.config = config.redis();
        this.instanceId = instanceId;
        this.fanout = fanout;
        this.lag = metrics.streamLag();
    }

    void start(@Observes StartupEvent event) {
        XReadArgs args = new XReadArgs().block(config.streamBlock()).count(MAX_ENTRIES_PER_READ);
        // a blocked read that outlives its BLOCK by this much means the connection is dead
        Duration stalled = config.streamBlock().plus(config.readTimeout()).plusSeconds(1);
        loop = Multi.createBy().repeating()
                .uni(() -> streams.xread(config.streamKey(), lastId, args).ifNoItem().after(stalled).fail())
                .indefinitely()
                .onFailure().invoke(this::onFailure)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
                .subscribe().with(this::dispatch, failure -> LOG.error("price stream reader stopped", failure));
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.cancel();
        }
    }

    private void dispatch(List<StreamMessage<String, String, String>> messages) {
        if (failing) {
            failing = false;
            LOG.info("reading the Redis price stream again");
        }
        if (messages == null || messages.isEmpty()) {
            lag.caughtUp();
            return;
        }
        List<Tick> ticks = new ArrayList<>(messages.size());
        for (StreamMessage<String, String, String> message : messages) {
            lastId = message.id();
            if (instanceId.value().equals(message.payload().get("origin")) || !PriceCodec.isTick(message.payload())) {
                continue;
            }
            Tick tick = PriceCodec.decodeStreamEntry(message.payload());
            if (tick == null) {
                LOG.debugf("skipping malformed price stream entry %s", message.id());
            } else {
                ticks.add(tick);
            }
        }
        lag.read(lastId);
        fanout.publish(ticks);
    }

    private void onFailure(Throwable failure) {
        if (!failing) {
            failing = true;
            LOG.warnf("cannot read the Redis price stream, retrying (local ticks are still delivered): %s",
                    failure.toString());
        }
    }
}
