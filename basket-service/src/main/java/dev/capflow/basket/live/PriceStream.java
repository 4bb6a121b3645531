package dev.capflow.basket.live;

import dev.capflow.basket.cache.AnswerGenerations;
import dev.capflow.basket.config.BasketConfig;
import dev.capflow.basket.market.LivePrice;
import dev.capflow.redis.PriceStreamEntries;
import dev.capflow.redis.PriceStreamEntries.StreamTick;
import dev.capflow.redis.PriceStreamReader;
import dev.capflow.redis.RedisTopology;
import dev.capflow.redis.StreamEntry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.SerializedProcessor;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * This process's use of ingest-service's price stream (read by redis-contracts' {@link PriceStreamReader}):
 * routing each batch of prices to the live watchers whose baskets they move ({@link PriceRoutes}), and moving the answer generations of the baskets whose
 * history a change entry (new bars, a corporate action) names. Live levels continue by themselves when Redis returns,
 * from where the reader was. The generations all move when change entries may be lost unread (the stream trimmed past
 * the reader, emptied or deleted, Redis restarted or failed over). Either way the live levels that may be affected are
 * computed again ({@link #reloads}). A failed read moves none, whether it timed out or
 * Redis could not be reached: the reader resumes where it was, and ingest-service keeps a change entry it could not
 * write in its outbox until Redis takes it.
 */
@ApplicationScoped
public class PriceStream implements PriceStreamReader.Handler {

    private static final Logger LOG = Logger.getLogger(PriceStream.class);

    private final PriceStreamReader reader;
    private final AnswerGenerations generations;
    private final PriceRoutes routes = new PriceRoutes();
    private final SerializedProcessor<Reload, Reload> reloads =
            BroadcastProcessor.<Reload>create().serialized();
    private final AtomicBoolean lostSinceRepair = new AtomicBoolean();

    /**
     * The history or latest prices of {@code symbols} (of every symbol when {@code all}) may have changed without a
     * tick saying so: a change entry named them (a correction, new bars, a corporate action), or entries were lost
     * unread. A live level holding one of them is computed again.
     */
    public record Reload(Set<String> symbols, boolean all) {

        public Reload {
            symbols = Set.copyOf(symbols);
        }

        /** Whether a basket priced by {@code priced} must be computed again. */
        public boolean concerns(Set<String> priced) {
            return all || symbols.stream().anyMatch(priced::contains);
        }
    }

    public PriceStream(
            Redis redis,
            BasketConfig config,
            AnswerGenerations generations,
            @ConfigProperty(name = "quarkus.redis.client-type", defaultValue = "standalone") String clientType) {
        this.generations = generations;
        this.reader = new PriceStreamReader(
                redis,
                RedisTopology.ofClientType(clientType),
                config.redis().streamShardKeys(),
                config.redis().streamPolling(),
                config.redis().timeout(),
                "live levels pause meanwhile");
    }

    /** A route for one watch: every price read from now on (earlier ones are not replayed) until it follows its basket. */
    public PriceRoute route() {
        return routes.open();
    }

    /** The reloads from now on (hot), each once the answer generations it implies have moved. */
    public Multi<Reload> reloads() {
        return Multi.createFrom().publisher(reloads).onOverflow().bufferUnconditionally();
    }

    void start(@Observes StartupEvent event) {
        reader.start(this);
    }

    void stop(@Observes ShutdownEvent event) {
        reader.stop();
        routes.completeAll();
        reloads.onComplete();
    }

    /** After the generations' repair a loss asked for, every live level is computed again from what is stored. */
    @Override
    public Uni<Void> afterRead() {
        return generations.repairIfNeeded().invoke(() -> {
            if (lostSinceRepair.getAndSet(false)) {
                reloads.onNext(new Reload(Set.of(), true));
            }
        });
    }

    /**
     * Entries lost unread: the change entries among them are, so every generation moves, and so are ticks, so every
     * live level is computed again (a watcher would otherwise keep a level no tick moves until the next one).
     */
    @Override
    public void entriesMayBeLost(String reason) {
        generations.eventsMayBeLost();
        lostSinceRepair.set(true);
    }

    @Override
    public void read(List<StreamEntry> entries) {
        List<LivePrice> prices = new ArrayList<>(entries.size());
        Set<String> changedHistory = new LinkedHashSet<>();
        for (StreamEntry entry : entries) {
            if (PriceStreamEntries.isChange(entry.fields())) {
                changedHistory.addAll(PriceStreamEntries.changedSymbols(entry.fields()));
                continue;
            }
            List<StreamTick> ticks = PriceStreamEntries.ticks(entry.fields());
            if (ticks == null) {
                LOG.debugf("skipping malformed price stream entry %s", entry.id());
                continue;
            }
            for (StreamTick tick : ticks) {
                LivePrice price = LivePrice.fromStreamTick(tick);
                if (price == null) {
                    LOG.debugf("skipping a tick that is no positive price in price stream entry %s", entry.id());
                } else {
                    prices.add(price);
                }
            }
        }
        if (!changedHistory.isEmpty()) {
            // not awaited: a failed move is logged and repaired by AnswerGenerations, reading goes on; the live levels
            // reload once it is done, so that they read the changed history, not the cached one
            Reload reload = new Reload(changedHistory, false);
            generations
                    .historyChanged(changedHistory)
                    .subscribe()
                    .with(moved -> reloads.onNext(reload), failed -> reloads.onNext(reload));
        }
        if (!prices.isEmpty()) {
            routes.deliver(prices);
        }
    }
}
