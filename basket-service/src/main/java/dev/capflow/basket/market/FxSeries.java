package dev.capflow.basket.market;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The FX series configured per currency pair ({@code capflow.basket.fx.series."USD/JPY"=DEXJPUS}). The pair is
 * written BASE/QUOTE and its series gives QUOTE units per one BASE unit, observed on the series' date (DEXJPUS: yen
 * per dollar, the noon New York rate of that day). A pair converts both ways: a JPY member of a USD basket uses
 * {@code 1 / DEXJPUS}, a USD member of a JPY basket {@code DEXJPUS} itself.
 */
public final class FxSeries {

    private static final Pattern PAIR = Pattern.compile("([A-Z]{3})/([A-Z]{3})");

    /** A configured pair: {@code symbol} quotes {@code quote} units per one {@code base}. */
    private record Pair(String base, String quote, String symbol) {}

    private final Map<String, Pair> pairs;

    private FxSeries(Map<String, Pair> pairs) {
        this.pairs = pairs;
    }

    /**
     * The pairs of {@code config} (pair to series symbol), checked: every key is BASE/QUOTE in ISO 4217 codes of two
     * currencies, every symbol is set, and no pair is configured in both directions. Fails naming every bad key.
     */
    public static FxSeries of(Map<String, String> config) {
        List<String> errors = new ArrayList<>();
        Map<String, Pair> pairs = new TreeMap<>();
        config.forEach((key, symbol) -> {
            String where = "capflow.basket.fx.series.\"" + key + "\"";
            Matcher pair = PAIR.matcher(key.strip());
            if (!pair.matches() || pair.group(1).equals(pair.group(2))) {
                errors.add(where + ": the pair must be BASE/QUOTE in two different ISO 4217 codes, such as USD/JPY");
            } else if (symbol == null || symbol.isBlank()) {
                errors.add(where + ": names no FX series");
            } else {
                pairs.put(pair.group(1) + "/" + pair.group(2), new Pair(pair.group(1), pair.group(2), symbol.strip()));
            }
        });
        pairs.values().stream()
                .filter(p -> p.base().compareTo(p.quote()) < 0)
                .filter(p -> pairs.containsKey(p.quote() + "/" + p.base()))
                .forEach(p -> errors.add("capflow.basket.fx.series: " + p.base() + "/" + p.quote() + " and " + p.quote()
                        + "/" + p.base() + " are both configured; configure one series per pair"));
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        return new FxSeries(Map.copyOf(pairs));
    }

    /** The quote converting {@code foreign} into {@code basketCurrency}, if a series is configured for the pair. */
    public Optional<FxQuote> quote(String basketCurrency, String foreign) {
        Pair direct = pairs.get(foreign + "/" + basketCurrency);
        if (direct != null) {
            return Optional.of(new FxQuote(foreign, direct.symbol(), false, basketCurrency));
        }
        Pair reverse = pairs.get(basketCurrency + "/" + foreign);
        if (reverse != null) {
            return Optional.of(new FxQuote(foreign, reverse.symbol(), true, foreign));
        }
        return Optional.empty();
    }

    /** The configuration key that would convert {@code foreign} into {@code basketCurrency}, for error messages. */
    public static String keyFor(String basketCurrency, String foreign) {
        return "capflow.basket.fx.series.\"" + basketCurrency + "/" + foreign + "\"";
    }
}
