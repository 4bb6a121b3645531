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
