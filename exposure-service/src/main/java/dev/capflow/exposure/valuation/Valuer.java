package dev.capflow.exposure.valuation;

import dev.capflow.exposure.client.IngestClient;
import dev.capflow.exposure.config.ExposureConfig;
import dev.capflow.exposure.domain.GraphEntity;
import dev.capflow.exposure.domain.Snapshot;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Values entities with ingest-service data: ONE ListInstruments call for the tickers (currency, shares outstanding),
 * then ONE batched call for the prices of the tickers and the FX rates they need: GetLatestPrices for today, or, for a
 * past date, GetBarsBatch for the last close at or before it. No call when no entity is listed.
 */
@ApplicationScoped
public class Valuer {

    private final IngestClient ingest;
    private final UsdRateSeries rates;

    public Valuer(IngestClient ingest, ExposureConfig config) {
        this.ingest = ingest;
        this.rates = UsdRateSeries.of(config.fx().series());
    }

    /** The entities' values today. */
    public Uni<Valuations> value(List<GraphEntity> entities) {
        return value(entities, Snapshot.of(null, null));
    }

    /** The entities' values on the snapshot's date: latest prices for today, else the last closes at or before it. */
    public Uni<Valuations> value(List<GraphEntity> entities, Snapshot snapshot) {
        Set<String> tickers = ValueCalculator.tickers(entities);
        if (tickers.isEmpty()) {
            return Uni.createFrom().item(() -> ValueCalculator.value(rates, entities, Map.of(), Map.of()));
        }
        return ingest.instruments(tickers).chain(instruments -> {
            Set<String> symbols = new LinkedHashSet<>(tickers);
            instruments.values().forEach(i -> rates.symbolFor(i.currency()).ifPresent(symbols::add));
            Uni<Map<String, LatestPrice>> prices = snapshot.isPast()
                    ? ingest.closesAtOrBefore(symbols, snapshot.asOf())
                    : ingest.latestPrices(symbols);
            return prices.map(found -> ValueCalculator.value(rates, entities, instruments, found));
        });
    }
}
