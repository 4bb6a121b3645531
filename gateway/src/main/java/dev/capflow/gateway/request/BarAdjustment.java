package dev.capflow.gateway.request;

import java.util.Locale;
import java.util.Optional;

/** How daily bars are adjusted, as asked with the {@code adjusted} query parameter. */
public enum BarAdjustment {
    /** Prices as traded ({@code adjusted=false}, {@code none} or absent). */
    NONE,
    /** Split-adjusted ({@code adjusted=split}). */
    SPLIT,
    /** Split- and dividend-adjusted, for total return ({@code adjusted=true} or {@code total}). */
    TOTAL_RETURN;

    /** The values the {@code adjusted} parameter accepts. */
    public static final String ACCEPTED = "false, none, split, true, total";

    /** The adjustment named by a query value (absent or blank means {@link #NONE}); empty when unknown. */
    public static Optional<BarAdjustment> fromQuery(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(NONE);
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "false", "none" -> Optional.of(NONE);
            case "split" -> Optional.of(SPLIT);
            case "true", "total" -> Optional.of(TOTAL_RETURN);
            default -> Optional.empty();
        };
    }
}
