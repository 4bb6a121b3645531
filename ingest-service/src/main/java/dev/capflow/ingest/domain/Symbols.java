package dev.capflow.ingest.domain;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Ticker spelling rules shared by every entry point: symbols are trimmed and upper-cased. */
public final class Symbols {

    /** Letters, digits and {@code . - = ^}, at most 32, with at least one letter or digit. */
    private static final Pattern WELL_FORMED = Pattern.compile("^(?=.*[A-Z0-9])[A-Z0-9.=^\\-]{1,32}$");

    private Symbols() {
    }

    /** The canonical spelling of a symbol ("nvda " becomes "NVDA"); null stays empty. */
    public static String normalize(String symbol) {
        return symbol == null ? "" : symbol.trim().toUpperCase(Locale.ROOT);
    }

    /** Whether a normalized symbol matches the registry's pattern. */
    public static boolean isWellFormed(String normalized) {
        return WELL_FORMED.matcher(normalized).matches();
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
