package dev.capflow.ingest.service;

import dev.capflow.ingest.config.IngestConfig;
import dev.capflow.ingest.repository.MonthPartitionRepository;
import dev.capflow.ingest.repository.PartitionedTable;
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
import java.util.Optional;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * Keeps the monthly partitions of ingest.tick and ingest.minute_bar ahead of the clock and applies each table's own
 * retention (capflow.ingest.tick-retention, capflow.ingest.minute-bar-retention), at start and then every
 * capflow.ingest.tick-partitions.check-every, on every replica (the SQL side is idempotent and serialized).
 */
@ApplicationScoped
public class PartitionMaintenanceJob {

    private static final Logger LOG = Logger.getLogger(PartitionMaintenanceJob.class);

    private final MonthPartitionRepository partitions;
    private final IngestConfig config;
    private final Clock clock;
    private final Scheduler scheduler;

    public PartitionMaintenanceJob(
            MonthPartitionRepository partitions, IngestConfig config, Clock clock, Scheduler scheduler) {
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
                    // the DEFAULT partitions still take every row; the next run tries again
                    LOG.errorf(failure, "partition maintenance failed");
                    return Uni.createFrom().voidItem();
                }))
                .schedule();
    }

    /** For ticks, then minute bars: creates this UTC month's partition and those ahead, then applies the retention. */
    public Uni<Void> maintain() {
        Instant now = clock.instant();
        return maintain(PartitionedTable.TICK, config.tickRetention(), now)
                .chain(() -> maintain(PartitionedTable.MINUTE_BAR, config.minuteBarRetention(), now));
    }

    private Uni<Void> maintain(PartitionedTable table, Optional<Period> retention, Instant now) {
        return partitions
                .ensure(
                        table,
                        monthsFrom(
                                YearMonth.from(now.atOffset(ZoneOffset.UTC)),
                                config.tickPartitions().monthsAhead()))
                .invoke(created -> {
                    if (!created.isEmpty()) {
                        LOG.infof("created %s partitions for %s", table, created);
                    }
                })
                .chain(() -> retention
                        .map(kept -> partitions
                                .dropBefore(table, cutoff(now, kept))
                                .invoke(dropped -> {
                                    if (!dropped.isEmpty()) {
                                        LOG.infof("%s retention %s dropped %s", table, kept, dropped);
                                    }
                                })
                                .replaceWithVoid())
                        .orElse(Uni.createFrom().voidItem()));
    }

    /** {@code first} and the {@code ahead} months after it. */
    static List<YearMonth> monthsFrom(YearMonth first, int ahead) {
        return IntStream.rangeClosed(0, ahead).mapToObj(first::plusMonths).toList();
    }

    /** The instant before which rows are past the retention (calendar arithmetic in UTC). */
    static Instant cutoff(Instant now, Period retention) {
        return now.atOffset(ZoneOffset.UTC).minus(retention).toInstant();
    }
}
