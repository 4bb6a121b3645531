package dev.capflow.ingest.domain;

import dev.capflow.grpc.TickerSymbols;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Ticker spelling rules of every entry point of ingest-service (the rule itself is {@link TickerSymbols}). */
public final class Symbols {

    private Symbols() {}

    /** The canonical spelling of a symbol ("nvda " becomes "NVDA"); null stays empty. */
    public static String normalize(String symbol) {
        return TickerSymbols.normalize(symbol);
    }

    /**
     * Why {@code raw} is not a symbol (blank, a NUL or unpaired surrogate, or outside the pattern), or null; the
     * reason quotes the input cut short.
     */
    public static String problem(String raw) {
        String normalized = normalize(raw);
        if (normalized.isEmpty()) {
            return "required";
        }
        String characters = TextRules.characterProblem(raw);
        if (characters != null) {
            return characters;
        }
        if (!isWellFormed(normalized)) {
            return "must be 1 to 32 letters, digits or . - = ^ (got '" + TextRules.quote(raw) + "')";
        }
        return null;
    }

    /** Whether a normalized symbol matches the registry's pattern. */
    public static boolean isWellFormed(String normalized) {
        return TickerSymbols.isWellFormed(normalized);
    }

    /**
     * The distinct well-formed symbols of a batch, normalized, in first-seen order: the ones the registry may be asked
     * about. A malformed one (a NUL, which PostgreSQL refuses in text, or outside the pattern) is left to the
     * validator, which rejects its record alone by index.
     */
    public static Set<String> lookupable(Collection<String> symbols) {
        return distinct(
                symbols.stream().filter(symbol -> problem(symbol) == null).toList());
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
