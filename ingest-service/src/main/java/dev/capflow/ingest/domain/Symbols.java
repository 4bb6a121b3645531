package dev.capflow.ingest.domain;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.capflow.grpc.TickerSymbols;

/** Ticker spelling rules of every entry point of ingest-service (the rule itself is {@link TickerSymbols}). */
public final class Symbols {

    private Symbols() {
    }

    /** The canonical spelling of a symbol ("nvda " becomes "NVDA"); null stays empty. */
    public static String normalize(String symbol) {
        return TickerSymbols.normalize(symbol);
    }

    /** Whether a normalized symbol matches the registry's pattern. */
    public static boolean isWellFormed(String normalized) {
        return TickerSymbols.isWellFormed(normalized);
    }

    /** The distinct normalized, non-blank symbols, in first-seen order. */
    public static Set<String> distinct(Collection<String> symbols) {
        Set<String> result = new LinkedHashSet<>();
        for (String symbol : symbols) {
            String normalized = normalize(symbol);
            if (!normalized.isEmpty()) {
                result.add(normalized);
            }
        }
        return result;
    }
}
