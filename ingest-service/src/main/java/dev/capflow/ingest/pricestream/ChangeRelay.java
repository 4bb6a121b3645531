package dev.capflow.ingest.pricestream;

import dev.capflow.ingest.config.IngestConfig;
import dev.capflow.ingest.metrics.IngestMetrics;
import dev.capflow.ingest.repository.HistoryChangeOutbox;
import dev.capflow.ingest.repository.HistoryChangeOutbox.Pending;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Appends the change entries recorded in the {@link HistoryChangeOutbox} (in the transaction of each history change)
 * to the price stream, and deletes them once Redis took them: no change entry is lost to a Redis outage, or to a
 * restart between a commit and its append. It runs when a commit recorded a change ({@link #committed}, which first
 * moves the answer generations of the changed symbols' baskets), and every
 * capflow.ingest.redis.change-relay-every for what earlier attempts left (this replica's, another's, or a previous
 * process's); after a failure it waits before trying again, twice as long after each failure in a row (up to 30 s).
 * One round at a time per process; rows are leased to the round that took them, so replicas take different rows. An
 * entry may be appended twice (a process stopping between the append and the delete), which is harmless: it only
 * moves answer generations.
 */
@ApplicationScoped
public class ChangeRelay {

    private static final Logger LOG = Logger.getLogger(ChangeRelay.class);
    private static final int ROWS_PER_ROUND = 500;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final HistoryChangeOutbox outbox;
    private final AnswerGenerationMover generations;
    private final PricePublisher publisher;
    private final IngestMetrics metrics;
    private final Scheduler scheduler;
    private final Duration every;
    /** Outlives a round's append (given up after the publish timeout) and its delete. */
    private final Duration lease;
    /** Kicks not yet served: the kick that raises it from 0 runs rounds until it is 0 again. */
    private final AtomicInteger kicks = new AtomicInteger();
    /** The wait after the last failure, zero after a success; touched by the one round in flight only. */
    private volatile Duration backoff = Duration.ZERO;
    /** No round before this {@link System#nanoTime()} (the backoff after a failure). */
    private volatile long resumeAt = System.nanoTime();

    public ChangeRelay(
            HistoryChangeOutbox outbox,
            AnswerGenerationMover generations,
            PricePublisher publisher,
            IngestMetrics metrics,
            Scheduler scheduler,
            IngestConfig config) {
        this.outbox = outbox;
        this.generations = generations;
        this.publisher = publisher;
        this.metrics = metrics;
        this.scheduler = scheduler;
        this.every = config.redis().changeRelayEvery();
        this.lease = config.redis().publishTimeout().multipliedBy(2);
    }

    void schedule(@Observes StartupEvent event) {
        scheduler
                .newJob("history-change-relay")
                .setInterval(every.toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setAsyncTask(execution -> {
                    kick();
                    return Uni.createFrom().voidItem();
                })
                .schedule();
    }

    /**
     * A commit recorded a change of {@code symbols}' history: moves the answer generations of their baskets before the
     * caller is answered ({@link AnswerGenerationMover}), then appends the change entry. Nothing when no symbol changed.
     */
    public Uni<Void> committed(Collection<String> symbols) {
        if (symbols.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return generations.historyChanged(symbols).invoke(this::kick);
    }

    /** Appends what the outbox holds now, unless a failure's backoff runs (the next scheduled kick retries). */
    public void kick() {
        if (kicks.getAndIncrement() == 0) {
            drain();
        }
    }

    private void drain() {
        int served = kicks.get();
        round().subscribe().with(fullRound -> {
            if (fullRound || kicks.addAndGet(-served) > 0) {
                drain();
            }
        });
    }

    /** One round: true when it took a full batch of rows, so that more may wait. Never fails. */
    private Uni<Boolean> round() {
        if (System.nanoTime() - resumeAt < 0) {
            return Uni.createFrom().item(false);
        }
        return outbox.claim(ROWS_PER_ROUND, lease)
                .chain(pending -> pending.isEmpty()
                        ? Uni.createFrom().item(false)
                        : append(pending).replaceWith(pending.size() == ROWS_PER_ROUND))
                .onFailure()
                .recoverWithItem(failure -> {
                    backedOff(failure);
                    return false;
                });
    }

    private Uni<Void> append(List<Pending> pending) {
        return publisher
                .appendChanges(pending.stream().map(Pending::change).toList())
                .onFailure()
                .invoke(metrics::redisPublishFailure)
                .chain(() -> outbox.delete(pending))
                .invoke(() -> {
                    if (!backoff.isZero()) {
                        LOG.info("history change entries are appended to the price stream again");
                        backoff = Duration.ZERO;
                    }
                });
    }

    private void backedOff(Throwable failure) {
        if (backoff.isZero()) {
            LOG.warnf(
                    "appending history change entries failed (they stay in the outbox and are retried): %s",
                    failure.toString());
        }
        backoff = backoff.isZero() ? every : min(backoff.multipliedBy(2), MAX_BACKOFF);
        resumeAt = System.nanoTime() + backoff.toNanos();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
