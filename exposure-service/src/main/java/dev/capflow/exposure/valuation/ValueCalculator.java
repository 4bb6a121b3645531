package dev.capflow.exposure.valuation;

import dev.capflow.exposure.domain.EntityKind;
import dev.capflow.exposure.domain.GraphEntity;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Values entities from market data already fetched: a LISTED entity at its ticker's latest price times its shares
 * outstanding, divided by its currency's USD rate when the instrument is quoted in CCY rather than USD (9984.T in JPY:
 * price x shares / DEXJPUS, the series {@link UsdRateSeries} names), read as of the same date; the others at their mark.
 */
public final class ValueCalculator {

    private ValueCalculator() {}

    /** The tickers of the listed entities among {@code entities}, in order, each once. */
    public static Set<String> tickers(List<GraphEntity> entities) {
        Set<String> tickers = new LinkedHashSet<>();
        entities.stream().filter(e -> e.kind() == EntityKind.LISTED).forEach(e -> tickers.add(e.ticker()));
        return tickers;
    }

    /** Every entity's value, or the reason it has none. */
    public static Valuations value(
            UsdRateSeries rates,
            List<GraphEntity> entities,
            Map<String, InstrumentFacts> instruments,
            Map<String, LatestPrice> prices) {
        Map<String, EntityValue> values = new HashMap<>();
        Map<String, String> missing = new HashMap<>();
        for (GraphEntity entity : entities) {
            if (entity.kind() != EntityKind.LISTED) {
                values.put(
                        entity.id(),
                        EntityValue.mark(
                                entity.valuationUsd().getAsDouble(), entity.valuationAsOf(), entity.valuationSource()));
                continue;
            }
            String reason = marketCap(entity.ticker(), instruments, prices, rates, values, entity.id());
            if (reason != null) {
                missing.put(entity.id(), reason);
            }
        }
        return new Valuations(values, missing);
    }

    /** Puts the market value of {@code entityId} into {@code values}, or answers why it cannot. */
    private static String marketCap(
            String ticker,
            Map<String, InstrumentFacts> instruments,
            Map<String, LatestPrice> prices,
            UsdRateSeries rates,
            Map<String, EntityValue> values,
            String entityId) {
        InstrumentFacts instrument = instruments.get(ticker);
        if (instrument == null) {
            return "no instrument " + ticker + " in the ingest-service registry";
        }
        if (instrument.sharesOutstanding().isEmpty()
                || instrument.sharesOutstanding().getAsLong() <= 0) {
            return "no sharesOutstanding for " + ticker;
        }
        LatestPrice price = prices.get(ticker);
        if (price == null) {
            return "no latest price for " + ticker;
        }
        MarketQuote fx = null;
        if (UsdRateSeries.isForeign(instrument.currency())) {
            String fxSymbol = rates.symbolFor(instrument.currency()).orElse(null);
            if (fxSymbol == null) {
                return "no FX series converts " + instrument.currency() + " to USD (capflow.exposure.fx.series.\"USD/"
                        + instrument.currency() + "\")";
            }
            LatestPrice rate = prices.get(fxSymbol);
            if (rate == null || !(rate.price() > 0)) {
                return "no latest price for " + fxSymbol + " to convert " + ticker + " from " + instrument.currency()
                        + " to USD";
            }
            fx = new MarketQuote(fxSymbol, rate.price(), instrument.currency(), rate.ts());
        }
        values.put(
                entityId,
                EntityValue.marketCap(
                        new MarketQuote(ticker, price.price(), instrument.currency(), price.ts()),
                        instrument.sharesOutstanding().getAsLong(),
                        fx));
        return null;
    }
}
