package dev.capflow.basket.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.basket.market.LivePrice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each price reaches the routes following its symbol (all of them while a route follows every symbol), in order. */
class PriceRoutesTest {

    private final PriceRoutes routes = new PriceRoutes();

    @Test
    void aRouteGetsEveryPriceUntilItFollowsItsSymbolsThenOnlyTheirsInOrder() {
        PriceRoute route = routes.open();
        List<List<LivePrice>> received = collect(route);

        routes.deliver(List.of(price("A", 1), price("B", 2)));
        route.follow(Set.of("A", "C"));
        routes.deliver(List.of(price("A", 3), price("B", 4), price("C", 5), price("A", 6)));
        routes.deliver(List.of(price("B", 7)));

        assertThat(received)
                .containsExactly(
                        List.of(price("A", 1), price("B", 2)), List.of(price("A", 3), price("C", 5), price("A", 6)));
    }

    @Test
    void routesFollowingOneSymbolEachGetItsPricesAndNoOthers() {
        Watch a = watching("A", "S");
        Watch b = watching("B", "S");

        routes.deliver(List.of(price("A", 1), price("S", 2), price("B", 3)));

        assertThat(a.received()).containsExactly(List.of(price("A", 1), price("S", 2)));
        assertThat(b.received()).containsExactly(List.of(price("S", 2), price("B", 3)));
    }

    @Test
    void aWidenedRouteGetsEveryPriceAgainAndANarrowedOneDropsTheSymbolsItLeft() {
        PriceRoute route = routes.open();
        List<List<LivePrice>> received = collect(route);
        route.follow(Set.of("A"));

        route.followAll();
        routes.deliver(List.of(price("A", 1), price("B", 2)));
        route.follow(Set.of("B"));
        routes.deliver(List.of(price("A", 3), price("B", 4)));

        assertThat(received).containsExactly(List.of(price("A", 1), price("B", 2)), List.of(price("B", 4)));
    }

    @Test
    void aClosedRouteGetsNothingMoreAndOthersKeepTheirs() {
        Watch closed = watching("A");
        Watch open = watching("A");

        closed.route().close();
        routes.deliver(List.of(price("A", 1)));

        assertThat(closed.received()).isEmpty();
        assertThat(open.received()).containsExactly(List.of(price("A", 1)));
    }

    /** A route following {@code symbols}, with what it received. */
    private record Watch(PriceRoute route, List<List<LivePrice>> received) {}

    private Watch watching(String... symbols) {
        PriceRoute route = routes.open();
        Watch watch = new Watch(route, collect(route));
        route.follow(Set.of(symbols));
        return watch;
    }

    private static List<List<LivePrice>> collect(PriceRoute route) {
        List<List<LivePrice>> received = new ArrayList<>();
        route.prices().subscribe().with(received::add);
        return received;
    }

    private static LivePrice price(String symbol, double price) {
        return new LivePrice(symbol, price, Instant.parse("2026-01-02T15:00:00Z"));
    }
}
