package dev.capflow.gateway.request;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parses symbols given as comma-separated values, possibly over repeated query parameters. */
public final class SymbolList {

    private SymbolList() {}

    /**
     * The distinct symbols in order; an {@link InvalidFieldsException} on {@code field} when none, when an element is
     * empty ({@code NVDA,,MSFT}, named by its 0-based index over the whole list), or when one is not a well-formed
     * ticker symbol.
     */
    public static List<String> parse(String field, List<String> values) {
        if (values == null || values.stream().allMatch(String::isBlank)) {
            throw new InvalidFieldsException(field, "must name at least one symbol, e.g. NVDA,MSFT");
        }
        Set<String> symbols = new LinkedHashSet<>();
        Fields fields = new Fields();
        int index = 0;
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                fields.check(
                        !part.isBlank(),
                        field,
                        "has an empty symbol at index " + index + " (0-based): remove the extra comma");
                if (!part.isBlank()) {
                    symbols.add(fields.symbol(field, part));
                }
                index++;
            }
        }
        fields.throwIfInvalid();
        return List.copyOf(symbols);
    }
}
