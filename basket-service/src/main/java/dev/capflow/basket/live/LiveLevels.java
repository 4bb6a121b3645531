package dev.capflow.basket.live;

import dev.capflow.basket.cache.AnswerGenerations;
import dev.capflow.basket.client.IngestClient;
import dev.capflow.basket.client.IngestRefusal;
import dev.capflow.basket.config.BasketConfig;
import dev.capflow.basket.domain.ReturnType;
import dev.capflow.basket.market.LivePrice;
import dev.capflow.basket.service.BasketStore;
import dev.capflow.basket.service.HistoryLoader;
import dev.capflow.errors.NotFoundException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Live levels of a basket: the level from ingest-service's latest prices first, then a new level whenever the price
 * stream moves a member or FX rate, coalesced to at most one per {@code capflow.basket.redis.watch-interval}, and
 * a fresh start whenever the basket is edited or deleted ({@link BasketChanges}) or its members' history or latest
 * prices changed without a tick saying so ({@link PriceStream#reloads}: a correction, lost stream entries).
 */
@ApplicationScoped
public class LiveLevels {

    /**
     * The shortest interval between two reloads of one watch. A bulk import names a member in each chunk's change
     * entry, and a reload reads the basket's whole history again: at most one a second per watch bounds that cost.
     */
    static final Duration RELOAD_INTERVAL = Duration.ofSeconds(1);

    private final BasketStore store;
    private final HistoryLoader history;
    private final IngestClient ingest;
    private final PriceStream stream;
    private final AnswerGenerations generations;
    private final BasketChanges changes;
    private final BasketConfig.Redis config;

    public LiveLevels(
            BasketStore store,
            HistoryLoader history,
            IngestClient ingest,
            PriceStream stream,
            AnswerGenerations generations,
            BasketChanges changes,
            BasketConfig config) {
        this.store = store;
        this.changes = changes;
        this.generations = generations;
        this.history = history;
        this.ingest = ingest;
        this.stream = stream;
        this.config = config.redis();
    }

    /**
     * The live levels of {@code basketId}: the current one first, then one per coalesced price move, and one right
     * after each edit (computed for the new definition); after a delete one last {@link LiveLevel#deleted} item, then
     * completion. Fails with NotFoundException when the basket does not exist.
     */
    public Multi<LiveLevel> watch(String basketId) {
        return Multi.createFrom().deferred(() -> {
            // prices and edits are buffered from before the basket is read, so none in between is missed
            PriceRoute route = stream.route();
            UnicastProcessor<String> edits = UnicastProcessor.create();
            Cancellable editFeed = changes.changed()
                    .filter(basketId::equals)
                    .subscribe()
                    .with(edits::onNext, edits::onError, edits::onComplete);
            // the watch's own Vert.x context: a reload reads the basket with Hibernate Reactive, which needs it, while
            // prices, edits and reloads arrive on the price stream's, Redis' or a timer's thread
            Executor onCallContext = onContext(Vertx.currentContext());
            UnicastProcessor<PriceStream.Reload> reloads = UnicastProcessor.create();
            Cancellable reloadFeed =
                    stream.reloads().subscribe().with(reloads::onNext, reloads::onError, reloads::onComplete);
            return untilDeleted(start(basketId, route)
                            .onItem()
                            .transformToMulti(first -> follow(basketId, first, route, edits, reloads, onCallContext)))
                    .onTermination()
                    .invoke(() -> {
                        route.close();
                        editFeed.cancel();
                        reloadFeed.cancel();
                    });
        });
    }

    /**
     * One step at a time (a LiveBasket is not thread-safe): a batch of prices moves it; an edit, or a reload of one of
     * its symbols (at most one per {@link #RELOAD_INTERVAL}), replaces it with the basket as now stored.
     */
    private Multi<LiveLevel> follow(
            String basketId,
            LiveBasket first,
            PriceRoute route,
            Multi<String> edits,
            Multi<PriceStream.Reload> reloads,
            Executor onCallContext) {
        AtomicReference<LiveBasket> current = new AtomicReference<>(first);
        Multi<Step> steps = Multi.createBy()
                .merging()
                .streams(
                        route.prices()
                                .group()
                                .intoLists()
                                .every(config.watchInterval())
                                .map(batches -> new Step(
                                        batches.stream().flatMap(List::stream).toList(), false)),
                        edits.map(edited -> new Step(List.of(), true)),
                        reloads.filter(reload -> reload.concerns(current.get().pricedSymbols()))
                                .group()
                                .intoLists()
                                .every(RELOAD_INTERVAL)
                                .filter(batch -> !batch.isEmpty())
                                .map(batch -> new Step(List.of(), true)));
        Multi<LiveLevel> updates = steps.onItem()
                .transformToUniAndConcatenate(step -> step.edit()
                        // only a reload hops to the call's context; prices stay on the thread they come on
                        ? Uni.createFrom()
                                .voidItem()
                                .emitOn(onCallContext)
                                .chain(() -> reload(basketId, route, current))
                        : Uni.createFrom()
                                .item(() -> current.get().apply(step.prices())
                                        ? current.get().level()
                                        : null));
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(first::level), updates);
    }

    /** Runs tasks on {@code context}, or where they come from when there is none (no Vert.x call). */
    private static Executor onContext(Context context) {
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }

    /** The level of the basket as now stored, or the deleted marker when it is gone. */
    private Uni<LiveLevel> reload(String basketId, PriceRoute route, AtomicReference<LiveBasket> current) {
        // every price again until the new definition is read: a new member's prices from now on are not missed
        route.followAll();
        return start(basketId, route)
                .map(fresh -> {
                    current.set(fresh);
                    return fresh.level();
                })
                .onFailure(failure -> failure instanceof NotFoundException missing
                        && BasketStore.BASKET.equals(missing.resourceType()))
                .recoverWithItem(() -> LiveLevel.deleted(basketId, current.get().basketVersion(), Instant.now()));
    }

    /** The levels up to and including a deleted marker, then completion (which cancels the feeds). */
    private static Multi<LiveLevel> untilDeleted(Multi<LiveLevel> levels) {
        return Multi.createFrom().emitter(emitter -> {
            Cancellable upstream = levels.subscribe()
                    .with(
                            level -> {
                                emitter.emit(level);
                                if (level.deleted()) {
                                    emitter.complete();
                                }
                            },
                            emitter::fail,
                            emitter::complete);
            emitter.onTermination(upstream::cancel);
        });
    }

    /** A batch of prices, or an edit: the basket's definition, history or latest prices changed. */
    private record Step(List<LivePrice> prices, boolean edit) {}

    /** The basket as now stored with its latest prices; {@code route} then follows its symbols only. */
    private Uni<LiveBasket> start(String basketId, PriceRoute route) {
        Uni<String> generation = generations
                .current(List.of(basketId))
                .map(current -> current.get(0))
                .onFailure()
                .recoverWithNull();
        return generation
                .chain(current -> generations
                        .forgetIfUnknown(basketId, store.get(basketId))
                        .chain(basket -> history.load(basket, null, null, ReturnType.PRICE, current)
                                .chain(market -> ingest.latestPrices(market.pricedSymbols())
                                        .map(latest -> {
                                            LiveBasket live = new LiveBasket(basket, market);
                                            live.apply(latest);
                                            route.follow(live.pricedSymbols());
                                            return live;
                                        }))))
                .onFailure()
                .transform(IngestRefusal.naming("basket_id", Map.of()))
                .emitOn(Infrastructure.getDefaultWorkerPool());
    }
}
