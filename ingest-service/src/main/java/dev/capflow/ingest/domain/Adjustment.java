package dev.capflow.ingest.domain;

/** How past prices are restated for corporate actions. */
public enum Adjustment {
    /** Prices as traded. */
    NONE,
    /** Prices before each split divided by its ratio, volumes multiplied by it. */
    SPLIT,
    /** Split-adjusted, then prices before each dividend scaled by {@code P_ex / (P_ex + D)} (CRSP, see {@link BarAdjuster}). */
    TOTAL_RETURN
}
