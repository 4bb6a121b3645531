package dev.capflow.ingest.domain;

import dev.capflow.errors.NotFoundException;
import dev.capflow.grpc.TickerSymbols;
import java.util.Collection;

/** The request names instruments that are not in the registry (NOT_FOUND, one ResourceInfo per symbol). */
public class UnknownSymbolException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    /** How errors name an instrument (google.rpc.ResourceInfo resource_type). */
    public static final String INSTRUMENT = "capflow.ingest.v1.Instrument";

    public UnknownSymbolException(Collection<String> symbols) {
        super(
                INSTRUMENT,
                symbols,
                "unknown symbol" + (symbols.size() == 1 ? " " : "s ") + String.join(", ", symbols)
                        + " ("
                        + TickerSymbols.registrationHint(
                                symbols.size() == 1 ? symbols.iterator().next() : "{symbol}")
                        + ")");
    }
}
