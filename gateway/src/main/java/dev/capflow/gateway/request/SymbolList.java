package dev.capflow.gateway.request;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parses symbols given as comma-separated values, possibly over repeated query parameters. */
public final class SymbolList {

    private SymbolList() {}

    /**
     * The distinct non-blank symbols in order; an {@link InvalidFieldsException} on {@code field} when none, or when one is
     * not a well-formed ticker symbol.
     */
    public static List<String> parse(String field, List<String> values) {
        Set<String> symbols = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        symbols.add(part.strip());
                    }
                }
            }
        }
        if (symbols.isEmpty()) {
            throw new InvalidFieldsException(field, "must name at least one symbol, e.g. NVDA,MSFT");
        }
        Fields fields = new Fields();
        symbols.forEach(symbol -> fields.symbol(field, symbol));
        fields.throwIfInvalid();
        return List.copyOf(symbols);
    }
}
