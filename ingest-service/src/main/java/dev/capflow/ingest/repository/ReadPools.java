package dev.capflow.ingest.repository;

import io.vertx.mutiny.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Chooses the pool of a read: the read replica when one is configured and the read cannot miss a recent write, else
 * the primary. Writes always use the primary. A read stays on the primary while this process committed a write within
 * the fresh window, and when it asks for data newer than the window (recent ticks and minute bars): the replica's
 * replication lag must stay below the window, which bounds how stale any replica read can be.
 */
public class ReadPools {

    private final Pool primary;
    private final Optional<Pool> replica;
    private final Clock clock;
    private final Duration freshWindow;
    private final AtomicReference<Instant> lastWrite = new AtomicReference<>(Instant.MIN);

    public ReadPools(Pool primary, Optional<Pool> replica, Clock clock, Duration freshWindow) {
        this.primary = primary;
        this.replica = replica;
        this.clock = clock;
        this.freshWindow = freshWindow;
    }

    /** Records that this process has just committed a write: reads go to the primary for the fresh window. */
    public void wrote() {
        lastWrite.set(clock.instant());
    }

    /** The pool for a read of data of any age. */
    public Pool anyAge() {
        return upTo(Instant.MIN);
    }

    /** The pool for a read of data timed no later than {@code newest}. */
    public Pool upTo(Instant newest) {
        if (replica.isEmpty() || !replicaMayServe(clock.instant(), lastWrite.get(), newest, freshWindow)) {
            return primary;
        }
        return replica.get();
    }

    /** Closes the replica pool, if any (the primary pool belongs to Quarkus). */
    public void close() {
        replica.ifPresent(Pool::closeAndForget);
    }

    /** True when neither the last write nor the newest data asked for falls within the fresh window before now. */
    static boolean replicaMayServe(Instant now, Instant lastWrite, Instant newest, Duration freshWindow) {
        Instant freshSince = now.minus(freshWindow);
        return lastWrite.isBefore(freshSince) && newest.isBefore(freshSince);
    }
}
