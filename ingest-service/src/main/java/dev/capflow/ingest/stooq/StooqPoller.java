package dev.capflow.ingest.stooq;

import dev.capflow.ingest.config.StooqConfig;
import dev.capflow.ingest.csv.CsvLayout;
import dev.capflow.ingest.domain.IngestResult;
import dev.capflow.ingest.domain.Symbols;
import dev.capflow.ingest.service.CsvImportService;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Polls Stooq's daily CSV for the configured US symbols and ingests each download through the
 * same CSV import path as ImportCsv (so re-polling reports the stored bars as duplicates).
 */
@ApplicationScoped
public class StooqPoller {

    private static final Logger LOG = Logger.getLogger(StooqPoller.class);

    private final StooqConfig config;
    private final StooqClient client;
    private final CsvImportService csvImport;
    private final Scheduler scheduler;

    public StooqPoller(StooqConfig config, StooqClient client, CsvImportService csvImport, Scheduler scheduler) {
        this.config = config;
        this.client = client;
        this.csvImport = csvImport;
        this.scheduler = scheduler;
    }

    void schedule(@Observes StartupEvent event) {
        if (!config.enabled() || symbols().isEmpty()) {
            return;
        }
        scheduler
                .newJob("stooq-poller")
                .setInterval(config.interval().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> pollAll())
                .schedule();
        LOG.infof("polling Stooq every %s for %s", config.interval(), symbols());
    }

    /**
     * Downloads and ingests every configured symbol once, one after another, and answers each one's
     * report; a failing symbol is logged and left out. Blocks the calling (worker) thread: the work
     * itself runs reactively on a fresh Vert.x duplicated context, as Hibernate Reactive requires.
     */
    public Map<String, IngestResult> pollAll() {
        try {
            return VertxContextSupport.subscribeAndAwait(this::pollOnce);
        } catch (Throwable failure) {
            LOG.errorf(failure, "Stooq poll failed");
            return Map.of();
        }
    }

    private Uni<Map<String, IngestResult>> pollOnce() {
        Map<String, IngestResult> results = new LinkedHashMap<>();
        return Multi.createFrom()
                .iterable(symbols())
                .onItem()
                .transformToUniAndConcatenate(symbol -> poll(symbol)
                        .invoke(result -> results.put(symbol, result))
                        .onFailure()
                        .invoke(failure -> LOG.warnf("Stooq poll of %s failed: %s", symbol, failure.toString()))
                        .onFailure()
                        .recoverWithNull())
                .collect()
                .last()
                .map(ignored -> results);
    }

    private Uni<IngestResult> poll(String symbol) {
        return client.dailyCsv(symbol)
                .onItem()
                .transformToMulti(csv -> csvImport.importText(symbol, csv, CsvLayout.STOOQ))
                .collect()
                .last()
                .map(CsvImportService.Progress::report);
    }

    private List<String> symbols() {
        return List.copyOf(Symbols.distinct(config.symbols().orElse(List.of())));
    }
}
