package dev.capflow.ingest.stream;

import dev.capflow.ingest.domain.Tick;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-process broadcast of live ticks to subscribers. Each subscriber has its own bounded buffer
 * that drops its oldest ticks when the subscriber falls behind, so a slow reader never blocks the
 * publisher or the other subscribers; the drops are announced in its stream as {@link StreamEvent.Gap}s,
 * and every tick is numbered, so the subscriber knows exactly what it missed. Ticks lost before they reached this
 * process are announced as {@link StreamEvent.TicksMayBeLost}.
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
    public Multi<StreamEvent> subscribe(Set<String> symbols) {
        return Multi.createFrom().deferred(() -> {
            if (closed) {
                return Multi.createFrom().failure(new ClosedException());
            }
            Subscriber subscriber = new Subscriber(Set.copyOf(symbols), new GapRecordingBuffer(bufferSize));
            subscriber.processor = UnicastProcessor.create(subscriber.buffer, () -> subscribers.remove(subscriber));
            subscribers.add(subscriber);
            return subscriber.processor;
        });
    }

    /** Hands ticks to every interested subscriber; never blocks for long (only against another publisher). */
    public void publish(List<Tick> ticks) {
        for (Subscriber subscriber : subscribers) {
            subscriber.publish(ticks);
        }
    }

    /** Tells every subscriber that ticks of other replicas may be missing ({@code reason}: what was found). */
    public void ticksMayBeLost(String reason) {
        for (Subscriber subscriber : subscribers) {
            subscriber.ticksMayBeLost(reason);
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
        private final GapRecordingBuffer buffer;
        private UnicastProcessor<StreamEvent> processor;
        /** The sequence number of the last tick handed to the buffer; guarded by this subscriber's lock. */
        private long lastSequence;

        private Subscriber(Set<String> symbols, GapRecordingBuffer buffer) {
            this.symbols = symbols;
            this.buffer = buffer;
        }

        /** Numbers and buffers the wanted ticks; locked so that concurrent publishers keep the numbers in order. */
        private synchronized void publish(List<Tick> ticks) {
            for (Tick tick : ticks) {
                if (wants(tick)) {
                    processor.onNext(new StreamEvent.LiveTick(++lastSequence, tick));
                }
            }
        }

        private synchronized void ticksMayBeLost(String reason) {
            processor.onNext(new StreamEvent.TicksMayBeLost(lastSequence, reason));
        }

        private boolean wants(Tick tick) {
            return symbols.isEmpty() || symbols.contains(tick.symbol());
        }
    }
}
