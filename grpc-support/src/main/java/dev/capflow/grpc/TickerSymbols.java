package dev.capflow.grpc;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one spelling rule of a ticker symbol, shared by ingest-service (which stores them) and the gateway (which refuses
 * a malformed symbol in a path or query before any call): trimmed, upper-cased, letters, digits and {@code . - = ^}.
 */
public final class TickerSymbols {

    /** The longest symbol. */
    public static final int MAX_LENGTH = 32;
    /** What a well-formed symbol looks like, for error messages. */
    public static final String RULE = "letters, digits and . - = ^ (at most " + MAX_LENGTH + ")";

    /** Letters, digits and {@code . - = ^}, at most 32, with at least one letter or digit. */
    private static final Pattern WELL_FORMED = Pattern.compile("^(?=.*[A-Z0-9])[A-Z0-9.=^\\-]{1," + MAX_LENGTH + "}$");

    private TickerSymbols() {}

    /** The canonical spelling of a symbol ("nvda " becomes "NVDA"); null stays empty. */
    public static String normalize(String symbol) {
        return symbol == null ? "" : symbol.trim().toUpperCase(Locale.ROOT);
    }

    /** Whether a normalized symbol matches the registry's pattern. */
    public static boolean isWellFormed(String normalized) {
        return WELL_FORMED.matcher(normalized).matches();
    }
}
