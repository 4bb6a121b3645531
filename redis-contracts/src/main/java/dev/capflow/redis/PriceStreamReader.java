package dev.capflow.redis;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.redis.client.Redis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Reads every shard of the price stream from the moment it starts. Each shard has its own {@link ShardCursor} (its
 * own position), and a round hands what it read over in one batch, sorted by entry id (each shard's entries stay in
 * their stream order, which is all the order a symbol needs: it lives in one shard). How a round reads depends on the
 * {@link RedisTopology}:
 * <ul>
 *   <li>on one Redis master, one XREAD of every shard that blocks up to the idle poll while none has a new entry: one
 *       command per round, and an entry is read the moment it is written, idle or not;
 *   <li>on a Redis Cluster, where one XREAD spanning shards would be cross-slot and a blocking XREAD per shard would
 *       hold a pooled connection each, one non-blocking XREAD per shard at once, every shard backing off on its own
 *       when it fails (its master down), and an empty round followed by the pause of the {@link StreamPolling}: short
 *       while entries keep coming, longer once the stream has been quiet for a while.
 * </ul>
 * While every shard fails, rounds retry: at once after a timeout, else with backoff (200 ms to 5 s); a shard resumes after the last entry it saw, so a
 * failed or timed-out read loses nothing; the read after it checks whether entries were lost meanwhile (see
 * {@link ShardCursor}) and says so to {@link Handler#entriesMayBeLost}. One reader per process hands every batch to its
 * {@link Handler}, on the Redis client's thread.
 */
public final class PriceStreamReader {

    private static final Logger LOG = Logger.getLogger(PriceStreamReader.class);
    private static final Comparator<ParsedId> BY_ID =
            Comparator.comparingLong(ParsedId::millis).thenComparingLong(ParsedId::sequence);

    /** What a service does with what its reader reads. */
    public interface Handler {

        /** A batch of entries, each shard's in stream order; empty when a round found nothing new (caught up). */
        void read(List<StreamEntry> entries);

        /** After every round in which Redis answered, before its entries are handed over: e.g. repair what was lost. */
        default Uni<Void> afterRead() {
            return Uni.createFrom().voidItem();
        }

        /**
         * A read failed or timed out (of one shard or of all). That alone loses nothing: each shard resumes after the
         * last entry read, and a loss meanwhile is reported by {@link #entriesMayBeLost}.
         */
        default void readFailed(Throwable failure) {}

        /**
         * Entries of a shard may be gone before this reader read them ({@code reason}: the stream was trimmed past its
         * position, emptied or deleted, or Redis restarted or failed over); called in the round that found it, before
         * {@link #afterRead()} and before the round's entries are handed over.
         */
        default void entriesMayBeLost(String reason) {}
    }

    private final Redis redis;
    private final RedisTopology topology;
    private final List<ShardCursor> cursors;
    private final PriceStreamShardCount shardCount;
    private final StreamPolling polling;
    private final Duration timeout;
    private final String whileFailing;

    private volatile boolean failing;
    /** When the last round that read an entry ended (rounds run one after another). */
    private volatile long lastEntryNanos = System.nanoTime();

    private Cancellable loop;

    /**
     * Reads every shard of {@code shards} on {@code topology}, waiting for new entries as {@code polling} says; an
     * XREAD that has not answered after {@code timeout} (plus its blocking time) counts as a dead connection.
     * {@code whileFailing} tells the log what a reading pause means.
     */
    public PriceStreamReader(
            Redis redis,
            RedisTopology topology,
            PriceStreamEntries.Shards shards,
            StreamPolling polling,
            Duration timeout,
            String whileFailing) {
        this.redis = redis;
        this.topology = topology;
        this.timeout = timeout;
        this.cursors = shards.keys().stream()
                .map(key -> new ShardCursor(redis, key, timeout, shards.count()))
                .toList();
        this.shardCount = new PriceStreamShardCount(redis, shards, timeout);
        this.polling = polling;
        this.whileFailing = whileFailing;
    }

    /**
     * Starts reading into {@code handler} until {@link #stop()}; logs an error when the writers' recorded shard count
     * is not this reader's (the service's readiness check reports it too).
     */
    public void start(Handler handler) {
        shardCount
                .check()
                .subscribe()
                .with(
                        disagreement -> disagreement.ifPresent(LOG::error),
                        failure -> LOG.debugf("shard count not checked at start: %s", failure.getMessage()));
        loop = Multi.createBy()
                .repeating()
                .uni(() -> roundUntilRead(handler))
                .indefinitely()
                .subscribe()
                .with(
                        entries -> {
                            if (failing) {
                                failing = false;
                                LOG.info("reading the Redis price stream again");
                            }
                            handler.read(entries);
                        },
                        failure -> LOG.error("price stream reader stopped", failure));
    }

    /**
     * One round, retried while it fails: at once after a timeout (it already waited the timeout, and a pause would only
     * grow the backlog of a reader that is behind), with backoff (200 ms to 5 s) after any other failure. The backoff is
     * the round's own: a retry of the whole loop never reset it, so after a few failures in a process's life (timeouts
     * on a loaded machine) every later failure stopped reading for seconds.
     */
    private Uni<List<StreamEntry>> roundUntilRead(Handler handler) {
        return Uni.createFrom()
                .deferred(() -> readRound(handler).call(handler::afterRead).call(this::pauseIfEmpty))
                .onFailure()
                .invoke(failure -> onFailure(handler, failure))
                .onFailure(PriceStreamReader::timedOut)
                .retry()
                .indefinitely()
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .indefinitely();
    }

    public void stop() {
        if (loop != null) {
            loop.cancel();
        }
    }

    /** The id of the last entry read from each shard (absent before the shard's start position is known). */
    public Map<String, String> lastIds() {
        return cursors.stream()
                .filter(cursor -> cursor.lastId() != null)
                .collect(Collectors.toMap(ShardCursor::key, ShardCursor::lastId));
    }

    /** Fixes every shard's position to read after: its newest entry now; idempotent once known. */
    public Uni<Void> position() {
        return Uni.join()
                .all(cursors.stream().map(ShardCursor::position).toList())
                .andFailFast()
                .replaceWithVoid();
    }

    /** One round, failing only when no shard answered: the entries after each shard's position, sorted by id. */
    public Uni<List<StreamEntry>> readOnce() {
        return readRound(new Handler() {
            @Override
            public void read(List<StreamEntry> entries) {}
        });
    }

    private Uni<List<StreamEntry>> readRound(Handler handler) {
        return topology == RedisTopology.CLUSTER ? readEachShard(handler) : readAllShardsAtOnce(handler);
    }

    /**
     * One XREAD of every shard, with the due checks in the same round trip, blocking up to the idle poll while none has
     * a new entry.
     */
    private Uni<List<StreamEntry>> readAllShardsAtOnce(Handler handler) {
        Duration block = polling.idlePoll();
        return position()
                .chain(() -> ShardCursor.lookAndRead(redis, cursors, block, reason -> onLoss(handler, reason)))
                .ifNoItem()
                .after(timeout.plus(block))
                .fail()
                .onFailure()
                .invoke(() -> cursors.forEach(ShardCursor::readFailed))
                .map(PriceStreamReader::sortedById);
    }

    /** One XREAD per shard that is not backing off, at once; fails only when no shard answered. */
    private Uni<List<StreamEntry>> readEachShard(Handler handler) {
        List<ShardCursor> due = cursors.stream().filter(ShardCursor::due).toList();
        if (due.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Uni<List<StreamEntry>>> reads = due.stream()
                .map(cursor -> cursor.read(reason -> onLoss(handler, reason))
                        .onFailure()
                        .recoverWithItem(failure -> {
                            failures.add(failure);
                            return List.of();
                        }))
                .toList();
        return Uni.join().all(reads).andFailFast().map(perShard -> {
            if (failures.size() == due.size()) {
                throw new ShardsUnreadable(failures.peek());
            }
            failures.forEach(failure -> onFailure(handler, failure));
            List<StreamEntry> entries = new ArrayList<>();
            perShard.forEach(entries::addAll);
            return sortedById(entries);
        });
    }

    private void onLoss(Handler handler, String reason) {
        LOG.warnf("price stream entries may have been lost unread: %s", reason);
        handler.entriesMayBeLost(reason);
    }

    /** After a round that read nothing: none on one master (its XREAD waited already), else the polling pause. */
    private Uni<Void> pauseIfEmpty(List<StreamEntry> entries) {
        long now = System.nanoTime();
        if (!entries.isEmpty()) {
            lastEntryNanos = now;
            return Uni.createFrom().voidItem();
        }
        if (topology != RedisTopology.CLUSTER) {
            return Uni.createFrom().voidItem();
        }
        Duration pause = polling.pauseAfterEmptyRound(Duration.ofNanos(now - lastEntryNanos));
        return Uni.createFrom().voidItem().onItem().delayIt().by(pause);
    }

    private void onFailure(Handler handler, Throwable failure) {
        handler.readFailed(failure);
        if (!failing) {
            failing = true;
            LOG.warnf("cannot read the Redis price stream, retrying (%s): %s", whileFailing, failure.toString());
        }
    }

    /** Whether {@code failure} is, or was caused by, a read that was not answered in time. */
    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** {@code entries} sorted by id, each id parsed once (not at every comparison). */
    private static List<StreamEntry> sortedById(List<StreamEntry> entries) {
        if (entries.size() < 2) {
            return entries;
        }
        List<ParsedId> parsed = new ArrayList<>(entries.size());
        entries.forEach(entry -> parsed.add(ParsedId.of(entry)));
        parsed.sort(BY_ID);
        List<StreamEntry> sorted = new ArrayList<>(parsed.size());
        parsed.forEach(id -> sorted.add(id.entry()));
        return sorted;
    }

    /** A stream entry id {@code <ms>-<seq>} as numbers. */
    private record ParsedId(long millis, long sequence, StreamEntry entry) {

        static ParsedId of(StreamEntry entry) {
            return new ParsedId(StreamIds.millis(entry.id()), StreamIds.sequence(entry.id()), entry);
        }
    }

    /** Every shard this reader follows failed in one round. */
    private static final class ShardsUnreadable extends RuntimeException {
        ShardsUnreadable(Throwable cause) {
            super("no shard of the price stream answered: " + cause, cause);
        }
    }
}
