package dev.capflow.exposure.valuation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The FX series that converts each currency to USD, from configuration ({@code capflow.exposure.fx.series}): pair
 * {@code USD/CCY} to the symbol of a series quoting CCY per one USD on the date it is observed, as basket-service's
 * {@code capflow.basket.fx.series} does, so that both services convert a listing alike (the demo's {@code "USD/JPY"} is
 * FRED's DEXJPUS; Yahoo's USDJPY labels the rate at the start of its date).
 */
public final class UsdRateSeries {

    private static final String USD = "USD";

    private final Map<String, String> symbolByCurrency;

    private UsdRateSeries(Map<String, String> symbolByCurrency) {
        this.symbolByCurrency = Map.copyOf(symbolByCurrency);
    }

    /** The series of {@code pairs}; a pair that is not {@code USD/CCY} is refused (it would divide by the wrong rate). */
    public static UsdRateSeries of(Map<String, String> pairs) {
        Map<String, String> byCurrency = new HashMap<>();
        pairs.forEach((pair, symbol) -> {
            String[] currencies = pair.split("/", -1);
            if (currencies.length != 2 || !currencies[0].equals(USD) || currencies[1].isBlank()) {
                throw new IllegalArgumentException("capflow.exposure.fx.series: the pair " + pair
                        + " must be USD/CCY, with a series quoting CCY per one USD");
            }
            byCurrency.put(currencies[1], symbol);
        });
        return new UsdRateSeries(byCurrency);
    }

    /** The series converting {@code currency} to USD; empty for USD itself and for a currency with none configured. */
    public Optional<String> symbolFor(String currency) {
        return USD.equals(currency) ? Optional.empty() : Optional.ofNullable(symbolByCurrency.get(currency));
    }

    /** Whether {@code currency} needs a conversion to USD. */
    static boolean isForeign(String currency) {
        return !USD.equals(currency);
    }
}
