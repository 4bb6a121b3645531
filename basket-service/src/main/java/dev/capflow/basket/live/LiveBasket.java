package dev.capflow.basket.live;

import dev.capflow.basket.domain.Basket;
import dev.capflow.basket.engine.BasketEngine;
import dev.capflow.basket.engine.TimeSeries;
import dev.capflow.basket.market.LivePrice;
import dev.capflow.basket.market.MarketHistory;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One watched basket: its history and the latest price of each member and FX symbol. Its live level is the engine's
 * level with each latest price taken as that day's close, so rebalancing and FX conversion apply as they do to
 * history. Not thread-safe: one watcher applies prices in order.
 */
public final class LiveBasket {

    private final Basket basket;
    private final MarketHistory history;
    private final Set<String> priced;
    private final Map<String, LivePrice> latest = new HashMap<>();
    private final BasketEngine engine = new BasketEngine();
    private Instant newest = Instant.EPOCH;

    public LiveBasket(Basket basket, MarketHistory history) {
        this.basket = basket;
        this.history = history;
        this.priced = Set.copyOf(history.pricedSymbols());
    }

    /** Takes in the prices that concern this basket; true when any did. */
    public boolean apply(List<LivePrice> prices) {
        boolean moved = false;
        for (LivePrice price : prices) {
            if (priced.contains(price.symbol())) {
                latest.merge(price.symbol(), price, LivePrice::newest);
                newest = price.ts().isAfter(newest) ? price.ts() : newest;
                moved = true;
            }
        }
        return moved;
    }

    /** The version of the definition this basket follows. */
    public long basketVersion() {
        return basket.version();
    }

    /** The level from the latest prices (the last close where a symbol has no newer price). */
    public LiveLevel level() {
        TimeSeries levels = engine.levels(
                        basket.toDefinition(), history.withLatest(latest).data())
                .series();
        return new LiveLevel(basket.id(), basket.version(), levels.value(levels.size() - 1), newest);
    }
}
