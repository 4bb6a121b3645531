package dev.capflow.basket.live;

import dev.capflow.basket.domain.Basket;
import dev.capflow.basket.engine.LatestClose;
import dev.capflow.basket.engine.LevelWithLatest;
import dev.capflow.basket.market.FxQuote;
import dev.capflow.basket.market.LivePrice;
import dev.capflow.basket.market.MarketDataAssembler;
import dev.capflow.basket.market.MarketHistory;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One watched basket: its history and the latest price of each member and FX symbol. Its live level is the engine's
 * level with each latest price taken as that day's close, so rebalancing and FX conversion apply as they do to
 * history; {@link LevelWithLatest} resumes the history's levels instead of recomputing them at every level. Not
 * thread-safe: one watcher applies prices in order.
 */
public final class LiveBasket {

    private final Basket basket;
    private final MarketHistory history;
    private final Set<String> members;
    private final Set<String> priced;
    private final Map<String, LivePrice> latest = new HashMap<>();
    private final Map<String, LatestClose> memberCloses = new HashMap<>();
    private final Map<String, LatestClose> fxRates = new HashMap<>();
    /** The history's levels, computed at the first level (on the worker that asks for it, not on an event loop). */
    private LevelWithLatest levels;

    private Instant newest = Instant.EPOCH;

    public LiveBasket(Basket basket, MarketHistory history) {
        this.basket = basket;
        this.history = history;
        this.members = Set.copyOf(history.members());
        this.priced = Set.copyOf(history.pricedSymbols());
    }

    /** Every member and FX symbol, whose prices move the basket. */
    public Set<String> pricedSymbols() {
        return priced;
    }

    /** Takes in the prices that concern this basket; true when any did. */
    public boolean apply(List<LivePrice> prices) {
        boolean moved = false;
        for (LivePrice price : prices) {
            if (priced.contains(price.symbol())) {
                if (latest.merge(price.symbol(), price, LivePrice::newest) == price) {
                    takeAsClose(price);
                }
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
        if (levels == null) {
            levels = LevelWithLatest.of(basket.toDefinition(), history.data());
        }
        return new LiveLevel(basket.id(), basket.version(), levels.level(memberCloses, fxRates), newest);
    }

    /** A symbol's newest price as the close of its date: of a member, and of every FX rate it quotes. */
    private void takeAsClose(LivePrice price) {
        if (members.contains(price.symbol())) {
            memberCloses.put(price.symbol(), new LatestClose(price.date(), price.price()));
        }
        for (FxQuote quote : history.fx()) {
            if (quote.symbol().equals(price.symbol())) {
                fxRates.put(
                        quote.currency(),
                        new LatestClose(price.date(), MarketDataAssembler.basketUnitsPerUnit(quote, price.price())));
            }
        }
    }
}
