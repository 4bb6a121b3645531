package dev.capflow.basket.live;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A change entry of the price stream: ingest-service stored new daily bars ({@code kind} {@code bars}) or a corporate
 * action ({@code corporate-action}) for {@code symbols} (comma-separated). Entries without a {@code kind} are ticks.
 */
public final class HistoryChange {

    private HistoryChange() {
    }

    /** True for a change entry, whatever its kind (a kind added later still means changed history). */
    public static boolean isChange(Map<String, String> fields) {
        return fields.containsKey("kind");
    }

    /** The symbols whose history changed (none when the entry names none). */
    public static List<String> symbols(Map<String, String> fields) {
        String symbols = fields.get("symbols");
        if (symbols == null || symbols.isBlank()) {
            return List.of();
        }
        return Arrays.stream(symbols.split(",")).map(String::trim).filter(symbol -> !symbol.isEmpty()).toList();
    }
}
