package dev.capflow.basket.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.capflow.basket.cache.AnswerGenerations;
import dev.capflow.basket.config.BasketConfig;
import dev.capflow.basket.market.LivePrice;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.XReadArgs;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * The one reader of ingest-service's price stream in this process: XREAD BLOCK from the newest entry on, broadcasting
 * each batch of prices to the live watchers, and moving the answer generations of the baskets whose history a change
 * entry (new bars, a corporate action) names. Reconnects with backoff while Redis is away and resumes after the last
 * entry it saw, so live levels continue by themselves when Redis returns; the generations all move then, since
 * changes published meanwhile are lost.
 */
@ApplicationScoped
public class PriceStream {

    private static final Logger LOG = Logger.getLogger(PriceStream.class);
    private static final int MAX_ENTRIES_PER_READ = 1000;

    private final ReactiveRedisDataSource redis;
    private final ReactiveStreamCommands<String, String, String> streams;
    private final BasketConfig.Redis config;
    private final AnswerGenerations generations;
    private final BroadcastProcessor<List<LivePrice>> broadcast = BroadcastProcessor.create();
    /** The id of the last entry seen; null until the stream's newest entry at start is known. */
    private volatile String lastId;
    private volatile boolean failing;
    private Cancellable loop;

    public PriceStream(ReactiveRedisDataSource redis, BasketConfig config, AnswerGenerations generations) {
        this.redis = redis;
        this.generations = generations;
        this.streams = redis.stream(String.class, String.class, String.class);
        this.config = config.redis();
    }

    /** Every batch of prices read from now on (hot: earlier batches are not replayed). */
    public Multi<List<LivePrice>> prices() {
        return broadcast.onOverflow().bufferUnconditionally();
    }

    void start(@Observes StartupEvent event) {
        XReadArgs args = new XReadArgs().block(config.streamBlock()).count(MAX_ENTRIES_PER_READ);
        // a blocked read that outlives its BLOCK by this much means the connection is dead
        Duration stalled = config.streamBlock().plus(config.timeout()).plusSeconds(1);
        loop = Multi.createBy().repeating()
                .uni(() -> startingId().chain(from -> streams.xread(config.streamKey(), from, args))
                        .ifNoItem().after(stalled).fail()
                        .call(read -> generations.repairIfNeeded()))
                .indefinitely()
                .onFailure().invoke(this::onFailure)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
                .subscribe().with(this::dispatch, failure -> LOG.error("price stream reader stopped", failure));
    }

    /**
     * Where to read from: after the last entry seen, or at first after the newest entry in the stream (not "$", which
     * would lose entries added between two reads that saw nothing).
     */
    private Uni<String> startingId() {
        if (lastId != null) {
            return Uni.createFrom().item(lastId);
        }
        return redis.execute("XREVRANGE", config.streamKey(), "+", "-", "COUNT", "1").map(newest -> {
            lastId = newest == null || newest.size() == 0 ? "0-0" : newest.get(0).get(0).toString();
            return lastId;
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.cancel();
        }
        broadcast.onComplete();
    }

    private void dispatch(List<StreamMessage<String, String, String>> messages) {
        if (failing) {
            failing = false;
            LOG.info("reading the Redis price stream again");
        }
        if (messages == null || messages.isEmpty()) {
            return;
        }
        List<LivePrice> prices = new ArrayList<>(messages.size());
        Set<String> changedHistory = new LinkedHashSet<>();
        for (StreamMessage<String, String, String> message : messages) {
            lastId = message.id();
            if (HistoryChange.isChange(message.payload())) {
                changedHistory.addAll(HistoryChange.symbols(message.payload()));
                continue;
            }
            LivePrice price = LivePrice.fromStreamEntry(message.payload());
            if (price == null) {
                LOG.debugf("skipping malformed price stream entry %s", message.id());
            } else {
                prices.add(price);
            }
        }
        if (!changedHistory.isEmpty()) {
            // not awaited: a failed move is logged and repaired by AnswerGenerations, reading goes on
            generations.historyChanged(changedHistory).subscribe().with(moved -> {
            });
        }
        if (!prices.isEmpty()) {
            broadcast.onNext(prices);
        }
    }

    private void onFailure(Throwable failure) {
        generations.eventsMayBeLost();
        if (!failing) {
            failing = true;
            LOG.warnf("cannot read the Redis price stream, retrying (live levels pause meanwhile): %s", failure.toString());
        }
    }
}
