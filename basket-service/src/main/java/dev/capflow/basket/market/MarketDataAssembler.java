package dev.capflow.basket.market;

import dev.capflow.basket.engine.MarketData;
import dev.capflow.basket.engine.TimeSeries;
import java.util.List;
import java.util.Map;

/** Builds the engine's {@link MarketData} from fetched closes: members in their own currency, FX as basket units per unit. */
public final class MarketDataAssembler {

    private MarketDataAssembler() {}

    /**
     * {@code closes} maps every fetched symbol to its closes; a member without closes is left out, so the engine names
     * it. {@code currencies} maps each member to its quote currency.
     */
    public static MarketData assemble(
            List<String> members, Map<String, String> currencies, List<FxQuote> fx, Map<String, TimeSeries> closes) {
        MarketData.Builder data = MarketData.builder();
        for (String symbol : members) {
            TimeSeries series = closes.get(symbol);
            if (series != null) {
                data.member(symbol, currencies.get(symbol), series);
            }
        }
        for (FxQuote quote : fx) {
            if (closes.containsKey(quote.symbol())) {
                data.fx(quote.currency(), basketUnitsPerUnit(quote, closes));
            }
        }
        return data.build();
    }

    /** Basket-currency units per one unit of the quote's currency (an empty series when its closes were not fetched). */
    static TimeSeries basketUnitsPerUnit(FxQuote quote, Map<String, TimeSeries> closes) {
        TimeSeries series =
                closes.getOrDefault(quote.symbol(), TimeSeries.builder().build());
        return quote.invert() ? inverse(series) : series;
    }

    /** Basket-currency units per one unit of the quote's currency from one observation {@code rate} of its series. */
    public static double basketUnitsPerUnit(FxQuote quote, double rate) {
        return quote.invert() ? inverse(rate) : rate;
    }

    /** 1/x on every date. */
    static TimeSeries inverse(TimeSeries series) {
        TimeSeries.Builder inverted = TimeSeries.builder();
        for (int i = 0; i < series.size(); i++) {
            inverted.add(series.date(i), inverse(series.value(i)));
        }
        return inverted.build();
    }

    // a non-positive rate stays as it is, for the engine to reject by name
    private static double inverse(double value) {
        return value > 0 ? 1.0 / value : value;
    }
}
