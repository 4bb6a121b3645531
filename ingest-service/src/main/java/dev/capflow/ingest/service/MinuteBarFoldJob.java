package dev.capflow.ingest.service;

import dev.capflow.ingest.config.IngestConfig;
import dev.capflow.ingest.repository.MinuteBarRepository;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Merges the minute-bar parts that the tick path appends into the stored bars every
 * capflow.ingest.minute-bar-fold-every, on every replica (each fold merges only the parts it removed). A failed fold
 * leaves its parts pending, where readers still count them, for the next one.
 */
@ApplicationScoped
public class MinuteBarFoldJob {

    private static final Logger LOG = Logger.getLogger(MinuteBarFoldJob.class);

    private final MinuteBarRepository bars;
    private final IngestConfig config;
    private final Scheduler scheduler;
    private final AtomicBoolean failing = new AtomicBoolean();

    public MinuteBarFoldJob(MinuteBarRepository bars, IngestConfig config, Scheduler scheduler) {
        this.bars = bars;
        this.config = config;
        this.scheduler = scheduler;
    }

    void schedule(@Observes StartupEvent event) {
        scheduler
                .newJob("minute-bar-fold")
                .setInterval(config.minuteBarFoldEvery().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setAsyncTask(execution -> bars.foldPending()
                        .invoke(() -> {
                            if (failing.compareAndSet(true, false)) {
                                LOG.info("folding the pending minute-bar parts works again");
                            }
                        })
                        .replaceWithVoid()
                        .onFailure()
                        .recoverWithUni(failure -> {
                            // once per failing spell, not every second while PostgreSQL is away
                            if (failing.compareAndSet(false, true)) {
                                LOG.warnf(
                                        "folding the pending minute-bar parts failed (they stay pending): %s", failure);
                            }
                            return Uni.createFrom().voidItem();
                        }))
                .schedule();
    }
}
