package dev.capflow.grpc;

import java.util.regex.Pattern;

/**
 * The one spelling rule of a ticker symbol, shared by ingest-service (which stores them) and the gateway (which refuses
 * a malformed symbol in a path or query before any call): trimmed, upper-cased, ASCII letters, digits and {@code . - = ^}.
 */
public final class TickerSymbols {

    /** The longest symbol. */
    public static final int MAX_LENGTH = 32;
    /** What a well-formed symbol looks like, for error messages. */
    public static final String RULE = "letters, digits and . - = ^ (at most " + MAX_LENGTH + ")";

    /** Letters, digits and {@code . - = ^}, at most 32, with at least one letter or digit. */
    private static final Pattern WELL_FORMED = Pattern.compile("^(?=.*[A-Z0-9])[A-Z0-9.=^\\-]{1," + MAX_LENGTH + "}$");

    private TickerSymbols() {}

    /**
     * How to register an unknown symbol, in words for both kinds of caller: a gRPC client and one of the gateway read
     * the same error text.
     */
    public static String registrationHint(String symbol) {
        return "register the instrument first: UpsertInstrument, or PUT /api/v1/instruments/" + symbol
                + " at the gateway";
    }

    /** The canonical spelling of a symbol ("nvda " becomes "NVDA"); null stays empty. */
    public static String normalize(String symbol) {
        if (symbol == null) {
            return "";
        }
        // only a-z change case: toUpperCase would fold the look-alikes ı, ſ, ß and ﬁ into I, S, SS and FI, making
        // "nvdı" another spelling of a registered NVDI instead of a malformed symbol
        String trimmed = symbol.trim();
        if (!hasLowerCase(trimmed)) {
            return trimmed; // nearly every symbol arrives in its canonical spelling: no copy per tick
        }
        StringBuilder upper = new StringBuilder(trimmed.length());
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            upper.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        }
        return upper.toString();
    }

    private static boolean hasLowerCase(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') {
                return true;
            }
        }
        return false;
    }

    /** Whether a normalized symbol matches the registry's pattern. */
    public static boolean isWellFormed(String normalized) {
        return WELL_FORMED.matcher(normalized).matches();
    }
}
