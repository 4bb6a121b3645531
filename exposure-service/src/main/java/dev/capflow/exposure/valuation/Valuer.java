package dev.capflow.exposure.valuation;

import dev.capflow.exposure.client.IngestClient;
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

    public Valuer(IngestClient ingest) {
        this.ingest = ingest;
    }

    /** The entities' values today. */
    public Uni<Valuations> value(List<GraphEntity> entities) {
        return value(entities, Snapshot.of(null, null));
    }

    /** The entities' values on the snapshot's date: latest prices for today, else the last closes at or before it. */
    public Uni<Valuations> value(List<GraphEntity> entities, Snapshot snapshot) {
        Set<String> tickers = ValueCalculator.tickers(entities);
        if (tickers.isEmpty()) {
            return Uni.createFrom().item(() -> ValueCalculator.value(entities, Map.of(), Map.of()));
        }
        return ingest.instruments(tickers).chain(instruments -> {
            Set<String> symbols = new LinkedHashSet<>(tickers);
            instruments.values().forEach(i -> {
                String fx = ValueCalculator.fxSymbol(i.currency());
                if (fx != null) {
                    symbols.add(fx);
                }
            });
            Uni<Map<String, LatestPrice>> prices = snapshot.isPast()
                    ? ingest.closesAtOrBefore(symbols, snapshot.asOf())
                    : ingest.latestPrices(symbols);
            return prices.map(found -> ValueCalculator.value(entities, instruments, found));
        });
    }
}
