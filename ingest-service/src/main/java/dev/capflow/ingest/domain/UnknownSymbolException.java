package dev.capflow.ingest.domain;

import java.util.Collection;
import java.util.List;

/** The request names instruments that are not in the registry. */
public class UnknownSymbolException extends RuntimeException {

    private final List<String> symbols;

    public UnknownSymbolException(Collection<String> symbols) {
        super("unknown symbol" + (symbols.size() == 1 ? " " : "s ") + String.join(", ", symbols)
                + " (register it with UpsertInstrument)");
        this.symbols = List.copyOf(symbols);
    }

    public List<String> symbols() {
        return symbols;
    }
}
