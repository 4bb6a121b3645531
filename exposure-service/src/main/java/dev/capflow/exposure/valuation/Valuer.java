package dev.capflow.exposure.valuation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.capflow.exposure.client.IngestClient;
import dev.capflow.exposure.domain.GraphEntity;
import io.smallrye.mutiny.Uni;

/**
 * Values entities with ingest-service data: ONE ListInstruments call for the tickers (currency, shares outstanding),
 * then ONE batched GetLatestPrices call for the tickers and the FX rates they need. No call when no entity is listed.
 */
@ApplicationScoped
public class Valuer {

    private final IngestClient ingest;

    public Valuer(IngestClient ingest) {
        this.ingest = ingest;
    }

    public Uni<Valuations> value(List<GraphEntity> entities) {
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
            return ingest.latestPrices(symbols).map(prices -> ValueCalculator.value(entities, instruments, prices));
        });
    }
}
