package dev.capflow.redis;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Reads the answer generations of concurrent lookups together: one read (one MGET) for every lookup that asked while
 * {@code readsInFlight} reads were in flight. The ids name the generations (the gateway's cache passes basket ids,
 * basket-service's own cache the generation keys). A lookup joins the next read sent after it asked, never one already
 * sent (that one may have been answered before a move the lookup must see), so it sees every move made before it asked,
 * as a read of its own would. A lookup that finds fewer reads in flight is read at once; else the lookups gathered go
 * as soon as a read in flight answers, or once one has been waited on for {@code patience} (a stalled connection then
 * holds only its own lookups, which still take its late answer). A lookup
 * that asked on a Vert.x context is answered on that context, not on the one the shared read answered on (a request's
 * context holds its own state, such as a database session).
 */
public final class GenerationReads {

    /** One read: the ids it asks for, and the lookups waiting on it. */
    private static final class Batch {
        private final Set<String> ids = new LinkedHashSet<>();
        private final List<Waiter> waiters = new ArrayList<>();
    }

    /** A lookup waiting, and the Vert.x context it asked on (null: none), where it is answered. */
    private record Waiter(List<String> ids, UniEmitter<? super List<String>> emitter, Context context) {

        void complete(List<String> generations) {
            deliver(() -> emitter.complete(generations));
        }

        void fail(Throwable failure) {
            deliver(() -> emitter.fail(failure));
        }

        private void deliver(Runnable outcome) {
            if (context == null || context == Vertx.currentContext()) {
                outcome.run();
            } else {
                // at once when this thread is the context's event loop, else queued on it
                ((ContextInternal) context).emit(ignored -> outcome.run());
            }
        }
    }

    private final Function<List<String>, Uni<List<String>>> read;
    private final Duration patience;

    /** The lookups gathered for the next read; null while there are none. Guarded by this. */
    private Batch gathering;

    private final int readsInFlight;

    /** The reads in flight (and not yet waited on for the patience). Guarded by this. */
    private int reading;

    /**
     * {@code read} returns the generations of the ids it is given, in their order (null for a missing one); at most
     * {@code readsInFlight} (at least 1) of them are in flight at once.
     */
    public GenerationReads(Function<List<String>, Uni<List<String>>> read, Duration patience, int readsInFlight) {
        if (readsInFlight < 1) {
            throw new IllegalArgumentException("readsInFlight must be at least 1, got " + readsInFlight);
        }
        this.read = read;
        this.patience = patience;
        this.readsInFlight = readsInFlight;
    }

    /** The current generations of {@code ids}, in their order, read after this Uni is subscribed to. */
    public Uni<List<String>> current(List<String> ids) {
        return Uni.createFrom().emitter(emitter -> join(new Waiter(ids, emitter, Vertx.currentContext())));
    }

    private void join(Waiter waiter) {
        Batch toSend = null;
        synchronized (this) {
            if (gathering == null) {
                gathering = new Batch();
            }
            gathering.ids.addAll(waiter.ids());
            gathering.waiters.add(waiter);
            if (reading < readsInFlight) {
                reading++;
                toSend = gathering;
                gathering = null;
            }
        }
        if (toSend != null) {
            send(toSend);
        }
    }

    private void send(Batch batch) {
        List<String> ids = List.copyOf(batch.ids);
        AtomicBoolean released = new AtomicBoolean();
        // deferred: a read that throws fails its lookups and releases the next read, like one that fails
        Uni<List<String>> reply =
                Uni.createFrom().deferred(() -> read.apply(ids)).memoize().indefinitely();
        reply.ifNoItem()
                .after(patience)
                .fail()
                .subscribe()
                .with(ignored -> releaseOnce(released), ignored -> releaseOnce(released));
        reply.subscribe().with(generations -> answer(batch, ids, generations), failure -> {
            for (Waiter waiter : batch.waiters) {
                waiter.fail(failure);
            }
        });
    }

    private static void answer(Batch batch, List<String> ids, List<String> generations) {
        Map<String, String> byId = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            byId.put(ids.get(i), generations.get(i));
        }
        for (Waiter waiter : batch.waiters) {
            List<String> own = new ArrayList<>(waiter.ids().size());
            for (String id : waiter.ids()) {
                own.add(byId.get(id));
            }
            waiter.complete(own);
        }
    }

    /** A read in flight answered or outwaited the patience: the lookups gathered meanwhile are read now. */
    private void releaseOnce(AtomicBoolean released) {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        Batch next;
        synchronized (this) {
            next = gathering;
            gathering = null;
            if (next == null) {
                reading--;
            }
        }
        if (next != null) {
            send(next);
        }
    }
}
