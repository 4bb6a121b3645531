package dev.capflow.basket.live;

import dev.capflow.basket.market.LivePrice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes the price stream to the live watches: an index from each symbol to the routes following it, so a price
 * reaches only the watches whose basket holds its symbol instead of every watch scanning every batch. Delivery runs on
 * the stream's reading thread, one batch after another; routes change from any thread, each change ordered so that a
 * symbol followed before and after it is never unrouted in between.
 */
final class PriceRoutes {

    private final Map<String, Set<PriceRoute>> bySymbol = new ConcurrentHashMap<>();
    private final Set<PriceRoute> followingAll = ConcurrentHashMap.newKeySet();
    private final Set<PriceRoute> open = ConcurrentHashMap.newKeySet();

    /** A new route, following every symbol until told otherwise. */
    PriceRoute open() {
        PriceRoute route = new PriceRoute(this);
        open.add(route);
        followingAll.add(route);
        return route;
    }

    /** Each route's prices of {@code prices}, in their order, as one batch per route. */
    void deliver(List<LivePrice> prices) {
        List<PriceRoute> reached = new ArrayList<>();
        for (LivePrice price : prices) {
            for (PriceRoute route : followingAll) {
                reach(route, price, reached);
            }
            Set<PriceRoute> routes = bySymbol.get(price.symbol());
            if (routes != null) {
                for (PriceRoute route : routes) {
                    reach(route, price, reached);
                }
            }
        }
        reached.forEach(PriceRoute::deliver);
    }

    private static void reach(PriceRoute route, LivePrice price, List<PriceRoute> reached) {
        if (route.add(price)) {
            reached.add(route);
        }
    }

    /** Ends every route (at shutdown). */
    void completeAll() {
        open.forEach(PriceRoute::complete);
    }

    void widen(PriceRoute route) {
        Set<String> before = route.symbols();
        followingAll.add(route);
        route.symbols(null);
        if (before != null) {
            before.forEach(symbol -> unindex(route, symbol));
        }
    }

    void narrow(PriceRoute route, Set<String> symbols) {
        Set<String> before = route.symbols();
        symbols.forEach(symbol -> bySymbol.compute(symbol, (s, routes) -> {
            // in compute, not after computeIfAbsent: another route's unindex could drop the set in between
            Set<PriceRoute> following = routes == null ? ConcurrentHashMap.newKeySet() : routes;
            following.add(route);
            return following;
        }));
        route.symbols(symbols);
        followingAll.remove(route);
        if (before != null) {
            before.stream().filter(symbol -> !symbols.contains(symbol)).forEach(symbol -> unindex(route, symbol));
        }
    }

    void close(PriceRoute route) {
        open.remove(route);
        followingAll.remove(route);
        Set<String> symbols = route.symbols();
        if (symbols != null) {
            symbols.forEach(symbol -> unindex(route, symbol));
        }
    }

    private void unindex(PriceRoute route, String symbol) {
        bySymbol.computeIfPresent(symbol, (s, routes) -> {
            routes.remove(route);
            return routes.isEmpty() ? null : routes;
        });
    }
}
