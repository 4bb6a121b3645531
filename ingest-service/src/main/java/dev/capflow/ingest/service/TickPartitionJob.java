package dev.capflow.ingest.service;

import dev.capflow.ingest.config.IngestConfig;
import dev.capflow.ingest.repository.TickPartitionRepository;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * Keeps ingest.tick's monthly partitions ahead of the clock and applies the tick retention, at start and then every
 * capflow.ingest.tick-partitions.check-every, on every replica (the SQL side is idempotent and serialized).
 */
@ApplicationScoped
public class TickPartitionJob {

    private static final Logger LOG = Logger.getLogger(TickPartitionJob.class);

    private final TickPartitionRepository partitions;
    private final IngestConfig config;
    private final Clock clock;
    private final Scheduler scheduler;

    public TickPartitionJob(TickPartitionRepository partitions, IngestConfig config, Clock clock, Scheduler scheduler) {
        this.partitions = partitions;
        this.config = config;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    void schedule(@Observes StartupEvent event) {
        scheduler
                .newJob("tick-partitions")
                .setInterval(config.tickPartitions().checkEvery().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setAsyncTask(execution -> maintain().onFailure().recoverWithUni(failure -> {
                    // the DEFAULT partition still takes every tick; the next run tries again
                    LOG.errorf(failure, "tick partition maintenance failed");
                    return Uni.createFrom().voidItem();
                }))
                .schedule();
    }

    /** Creates the partitions of this UTC month and the months ahead, then drops those past the retention. */
    public Uni<Void> maintain() {
        Instant now = clock.instant();
        return partitions
                .ensure(monthsFrom(
                        YearMonth.from(now.atOffset(ZoneOffset.UTC)),
                        config.tickPartitions().monthsAhead()))
                .invoke(created -> {
                    if (!created.isEmpty()) {
                        LOG.infof("created tick partitions for %s", created);
                    }
                })
                .chain(() -> config.tickRetention()
                        .map(retention -> partitions
                                .dropBefore(cutoff(now, retention))
                                .invoke(dropped -> {
                                    if (!dropped.isEmpty()) {
                                        LOG.infof("tick retention %s dropped %s", retention, dropped);
                                    }
                                })
                                .replaceWithVoid())
                        .orElse(Uni.createFrom().voidItem()));
    }

    /** {@code first} and the {@code ahead} months after it. */
    static List<YearMonth> monthsFrom(YearMonth first, int ahead) {
        return IntStream.rangeClosed(0, ahead).mapToObj(first::plusMonths).toList();
    }

    /** The instant before which ticks are past the retention (calendar arithmetic in UTC). */
    static Instant cutoff(Instant now, Period retention) {
        return now.atOffset(ZoneOffset.UTC).minus(retention).toInstant();
    }
}
