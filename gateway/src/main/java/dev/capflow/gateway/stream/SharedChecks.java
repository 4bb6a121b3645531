package dev.capflow.gateway.stream;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The checks of a question before its stream opens, at most one in flight per question: clients opening the same
 * stream at once share one call to the service (a crowd of openers once tripped the breaker for everybody). The outcome,
 * success or failure, is forgotten as soon as it is known; a later opener checks again or joins the open stream.
 */
@ApplicationScoped
public class SharedChecks {

    private final Map<String, Flight> inFlight = new ConcurrentHashMap<>();

    /** The outcome of {@code check} for {@code key}, made now or shared with the opener whose check is in flight. */
    Uni<Void> check(String key, Supplier<Uni<Void>> check) {
        return Uni.createFrom()
                .deferred(() ->
                        inFlight.computeIfAbsent(key, k -> new Flight(k, check)).join());
    }

    /** The number of openers waiting on the check in flight for {@code key} (0 when none is); read by the tests. */
    int waiting(String key) {
        Flight flight = inFlight.get(key);
        return flight == null ? 0 : flight.waiting.get();
    }

    /** One call of a check and the openers waiting on it. */
    private final class Flight {
        private final AtomicInteger waiting = new AtomicInteger();
        private final Uni<Void> call;

        Flight(String key, Supplier<Uni<Void>> check) {
            // leaves the map before its outcome reaches the openers, so the outcome outlives no flight
            this.call = Uni.createFrom()
                    .deferred(check::get)
                    .onTermination()
                    .invoke(() -> inFlight.remove(key, this))
                    .memoize()
                    .indefinitely();
        }

        Uni<Void> join() {
            return call.onSubscription()
                    .invoke(waiting::incrementAndGet)
                    .onTermination()
                    .invoke(waiting::decrementAndGet);
        }
    }
}
