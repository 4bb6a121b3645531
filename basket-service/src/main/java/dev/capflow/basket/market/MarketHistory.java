package dev.capflow.basket.market;

import dev.capflow.basket.engine.FxConversion;
import dev.capflow.basket.engine.MarketData;
import dev.capflow.basket.engine.TimeSeries;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What one basket is computed from: its members, their (and the benchmark's) quote currencies, the FX quotes converting
 * them, and the closes of every member, FX and benchmark symbol (the benchmark is null without one).
 */
public record MarketHistory(
        List<String> members,
        Map<String, String> currencies,
        List<FxQuote> fx,
        Map<String, TimeSeries> closes,
        String benchmark) {

    public MarketHistory {
        members = List.copyOf(members);
        currencies = Map.copyOf(currencies);
        fx = List.copyOf(fx);
        closes = Map.copyOf(closes);
    }

    /** The engine's input. */
    public MarketData data() {
        return MarketDataAssembler.assemble(members, currencies, fx, closes);
    }

    /**
     * The benchmark's closes in the basket currency (converted like a member's: the close of D with the rate of D, each
     * carried forward), or null without a benchmark.
     */
    public TimeSeries benchmarkSeries() {
        if (benchmark == null || closes.get(benchmark) == null) {
            return null;
        }
        TimeSeries series = closes.get(benchmark);
        String currency = currencies.get(benchmark);
        return fx.stream()
                .filter(quote -> quote.currency().equals(currency))
                .findFirst()
                .map(quote -> FxConversion.convert(series, MarketDataAssembler.basketUnitsPerUnit(quote, closes)))
                .orElse(series);
    }

    /** Every member and FX symbol, whose prices move the basket. */
    public List<String> pricedSymbols() {
        return Stream.concat(members.stream(), fx.stream().map(FxQuote::symbol)).toList();
    }
}
