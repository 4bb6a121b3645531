package dev.capflow.basket.market;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds FX instruments by the usual BASEQUOTE naming: an instrument {@code USDJPY} quoted in JPY is JPY per USD.
 */
public final class FxQuotes {

    private FxQuotes() {
    }

    /** The symbols that may quote {@code foreign} against {@code basketCurrency}, preferred first. */
    public static List<String> candidates(String basketCurrency, String foreign) {
        return List.of(basketCurrency + foreign, foreign + basketCurrency);
    }

    /**
     * The quote converting {@code foreign} into {@code basketCurrency}, chosen from registered FX instruments
     * ({@code fxCurrencies}: symbol to quote currency).
     */
    public static Optional<FxQuote> resolve(String basketCurrency, String foreign, Map<String, String> fxCurrencies) {
        String basketFirst = basketCurrency + foreign;
        if (foreign.equals(fxCurrencies.get(basketFirst))) {
            return Optional.of(new FxQuote(foreign, basketFirst, true));
        }
        String foreignFirst = foreign + basketCurrency;
        if (basketCurrency.equals(fxCurrencies.get(foreignFirst))) {
            return Optional.of(new FxQuote(foreign, foreignFirst, false));
        }
        return Optional.empty();
    }
}
