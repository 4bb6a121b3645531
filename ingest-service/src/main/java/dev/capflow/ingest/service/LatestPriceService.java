package dev.capflow.ingest.service;

import dev.capflow.ingest.cache.LatestPriceCache;
import dev.capflow.ingest.domain.LatestPrice;
import dev.capflow.ingest.metrics.IngestMetrics;
import dev.capflow.ingest.pricestream.PricePublisher;
import dev.capflow.ingest.repository.LatestPriceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Latest prices from the Redis hash, falling back to PostgreSQL for symbols the hash lacks or for
 * all of them when Redis does not answer in time; prices read from PostgreSQL refill the hash. While
 * the hash may be stale (see {@link PricePublisher#latestMayBeStale()}), PostgreSQL answers and the
 * whole hash is rewritten from it.
 */
@ApplicationScoped
public class LatestPriceService {

    private static final Logger LOG = Logger.getLogger(LatestPriceService.class);

    private final LatestPriceCache cache;
    private final LatestPriceRepository repository;
    private final PricePublisher publisher;
    private final IngestMetrics metrics;

    public LatestPriceService(
            LatestPriceCache cache, LatestPriceRepository repository, PricePublisher publisher, IngestMetrics metrics) {
        this.cache = cache;
        this.repository = repository;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** One price per symbol (normalized, distinct) that has any, in the given order. */
    public Uni<List<LatestPrice>> latest(List<String> symbols) {
        if (publisher.latestMayBeStale()) {
            metrics.latestCacheLookups(0, symbols.size());
            return fromDatabaseResyncingCache(symbols);
        }
        return cache.read(symbols)
                .map(Optional::of)
                .onFailure()
                .invoke(failure -> LOG.debugf("latest prices from PostgreSQL, Redis failed: %s", failure))
                .onFailure()
                .recoverWithItem(Optional.empty())
                .chain(cached -> {
                    Map<String, LatestPrice> found = new HashMap<>(cached.orElse(Map.of()));
                    List<String> missing = symbols.stream()
                            .filter(symbol -> !found.containsKey(symbol))
                            .toList();
                    metrics.latestCacheLookups(found.size(), missing.size());
                    if (missing.isEmpty()) {
                        return Uni.createFrom().item(inOrder(symbols, found));
                    }
                    return repository.latest(missing).map(fromDatabase -> {
                        if (cached.isPresent() && !fromDatabase.isEmpty()) {
                            publisher.cacheLatest(fromDatabase.values());
                        }
                        found.putAll(fromDatabase);
                        return inOrder(symbols, found);
                    });
                });
    }

    /** Answers from PostgreSQL; the same read of every symbol's latest price rewrites the hash, when Redis answers. */
    private Uni<List<LatestPrice>> fromDatabaseResyncingCache(List<String> symbols) {
        long mark = publisher.resyncMark();
        return repository
                .latestOfAll()
                .call(all -> publisher
                        .resync(all.values(), mark)
                        .onFailure()
                        .invoke(failure -> LOG.debugf("latest-price hash not resynced, Redis failed: %s", failure))
                        .onFailure()
                        .recoverWithNull())
                .map(all -> inOrder(symbols, all));
    }

    private static List<LatestPrice> inOrder(List<String> symbols, Map<String, LatestPrice> found) {
        return symbols.stream().filter(found::containsKey).map(found::get).toList();
    }
}
