package dev.capflow.ingest.stream;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.capflow.ingest.domain.Tick;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;

/**
 * The in-process broadcast of live ticks to subscribers. Each subscriber has its own bounded buffer
 * that drops its oldest ticks when the subscriber falls behind, so a slow reader never blocks the
 * publisher or the other subscribers.
 */
public class PriceFanout {

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final int bufferSize;
    private volatile boolean closed;

    public PriceFanout(int bufferSize) {
        this.bufferSize = bufferSize;
    }

    /**
     * Live ticks of {@code symbols} (of every symbol when empty) from now until cancelled; fails with
     * {@link ClosedException} once the fanout is closed.
     */
    public Multi<Tick> subscribe(Set<String> symbols) {
        return Multi.createFrom().deferred(() -> {
            if (closed) {
                return Multi.createFrom().failure(new ClosedException());
            }
            Subscriber subscriber = new Subscriber(Set.copyOf(symbols), new DropOldestQueue<>(bufferSize));
            subscriber.processor = UnicastProcessor.create(subscriber.buffer, () -> subscribers.remove(subscriber));
            subscribers.add(subscriber);
            return subscriber.processor;
        });
    }

    /** Hands ticks to every interested subscriber; never blocks. */
    public void publish(List<Tick> ticks) {
        for (Subscriber subscriber : subscribers) {
            for (Tick tick : ticks) {
                if (subscriber.wants(tick)) {
                    subscriber.processor.onNext(tick);
                }
            }
        }
    }

    /** The number of live subscriptions. */
    public int subscriberCount() {
        return subscribers.size();
    }

    /** Completes every subscription and refuses new ones (at shutdown). */
    public void close() {
        closed = true;
        subscribers.forEach(subscriber -> subscriber.processor.onComplete());
        subscribers.clear();
    }

    /** This process no longer serves subscriptions; subscribe to another replica. */
    public static final class ClosedException extends RuntimeException {

        public ClosedException() {
            super("this instance is shutting down; subscribe again to reach another instance");
        }
    }

    private static final class Subscriber {
        private final Set<String> symbols;
        private final DropOldestQueue<Tick> buffer;
        private UnicastProcessor<Tick> processor;

        private Subscriber(Set<String> symbols, DropOldestQueue<Tick> buffer) {
            this.symbols = symbols;
            this.buffer = buffer;
        }

        private boolean wants(Tick tick) {
            return symbols.isEmpty() || symbols.contains(tick.symbol());
        }
    }
}
