package dev.capflow.basket.live;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.capflow.basket.cache.AnswerGenerations;
import dev.capflow.basket.client.IngestClient;
import dev.capflow.basket.client.IngestRefusal;
import dev.capflow.basket.config.BasketConfig;
import dev.capflow.basket.domain.ReturnType;
import dev.capflow.basket.market.LivePrice;
import dev.capflow.basket.service.BasketStore;
import dev.capflow.basket.service.HistoryLoader;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * Live levels of a basket: the level from ingest-service's latest prices first, then a new level whenever the price
 * stream moves a member or FX rate, coalesced to at most one per {@code capflow.basket.redis.watch-interval}.
 */
@ApplicationScoped
public class LiveLevels {

    private final BasketStore store;
    private final HistoryLoader history;
    private final IngestClient ingest;
    private final PriceStream stream;
    private final AnswerGenerations generations;
    private final BasketConfig.Redis config;

    public LiveLevels(BasketStore store, HistoryLoader history, IngestClient ingest, PriceStream stream,
            AnswerGenerations generations, BasketConfig config) {
        this.store = store;
        this.generations = generations;
        this.history = history;
        this.ingest = ingest;
        this.stream = stream;
        this.config = config.redis();
    }

    public Multi<LiveLevel> watch(String basketId) {
        return Multi.createFrom().deferred(() -> {
            // prices are buffered from before the starting prices are read, so none in between is missed
            UnicastProcessor<List<LivePrice>> updates = UnicastProcessor.create();
            Cancellable feed = stream.prices().subscribe().with(updates::onNext, updates::onError, updates::onComplete);
            return start(basketId).onItem().transformToMulti(basket -> Multi.createBy().concatenating().streams(
                    Multi.createFrom().item(basket::level),
                    updates.group().intoLists().every(config.watchInterval())
                            .filter(batches -> basket.apply(batches.stream().flatMap(List::stream).toList()))
                            .map(moved -> basket.level())))
                    .onTermination().invoke(feed::cancel);
        });
    }

    private Uni<LiveBasket> start(String basketId) {
        Uni<String> generation = generations.current(List.of(basketId)).map(current -> current.get(0))
                .onFailure().recoverWithNull();
        return generation.chain(current -> store.get(basketId)
                .chain(basket -> history.load(basket, null, null, ReturnType.PRICE, current)
                        .chain(market -> ingest.latestPrices(market.pricedSymbols()).map(latest -> {
                            LiveBasket live = new LiveBasket(basket, market);
                            live.apply(latest);
                            return live;
                        }))))
                .onFailure().transform(IngestRefusal.naming("basket_id", Map.of()))
                .emitOn(Infrastructure.getDefaultWorkerPool());
    }
}
