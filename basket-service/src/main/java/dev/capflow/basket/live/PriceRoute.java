package dev.capflow.basket.live;

import dev.capflow.basket.market.LivePrice;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One watch's share of the price stream: every price at first, then, once it follows its basket's symbols, only theirs;
 * each batch in stream order. Opened before the basket is read, and widened again before an edited basket is read, so
 * no price of a symbol it comes to follow is missed in between (a price may come twice while it changes: harmless,
 * the newest price of a symbol is kept).
 */
public final class PriceRoute {

    private final PriceRoutes routes;
    private final UnicastProcessor<List<LivePrice>> prices = UnicastProcessor.create();
    /** The symbols followed, or null while following every symbol. */
    private volatile Set<String> symbols;
    /** The prices of the batch being delivered (only the stream's reading thread touches it). */
    private List<LivePrice> pending;

    PriceRoute(PriceRoutes routes) {
        this.routes = routes;
    }

    /** The batches of this route's prices from its opening on (buffered until read). */
    public Multi<List<LivePrice>> prices() {
        return prices;
    }

    /** From now on, only the prices of {@code followed}. */
    public synchronized void follow(Set<String> followed) {
        routes.narrow(this, Set.copyOf(followed));
    }

    /** From now on, every price again (before the basket is read anew). */
    public synchronized void followAll() {
        routes.widen(this);
    }

    /** Stops delivering to this route. */
    public synchronized void close() {
        routes.close(this);
    }

    Set<String> symbols() {
        return symbols;
    }

    void symbols(Set<String> followed) {
        symbols = followed;
    }

    /** Adds a price to the batch being delivered; true when it is the batch's first. */
    boolean add(LivePrice price) {
        boolean first = pending == null;
        if (first) {
            pending = new ArrayList<>();
        }
        pending.add(price);
        return first;
    }

    /** Hands over the prices added since the last delivery. */
    void deliver() {
        List<LivePrice> batch = pending;
        pending = null;
        prices.onNext(batch);
    }

    void complete() {
        prices.onComplete();
    }
}
