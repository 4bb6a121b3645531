package dev.capflow.ingest.domain;

/**
 * The documented bounds of numbers in market data: far beyond any real instrument, yet small enough that no
 * adjustment, return or basket level computed from them overflows to Infinity or underflows to 0.
 */
public final class ValueBounds {

    /** Prices (bar open/high/low/close, tick price) and dividend amounts. */
    public static final double MIN_PRICE = 1e-6;

    public static final double MAX_PRICE = 1e7;
    /** Bar volumes and tick sizes. */
    public static final long MAX_VOLUME = 1_000_000_000_000_000L;
    /** Split ratios (new shares per old share). */
    public static final double MIN_RATIO = 1e-4;

    public static final double MAX_RATIO = 1e4;

    private ValueBounds() {}

    /** Why {@code price} is not a price, or null. */
    public static String priceProblem(double price) {
        return rangeProblem(price, MIN_PRICE, MAX_PRICE);
    }

    /** Why {@code ratio} is not a split ratio, or null. */
    public static String ratioProblem(double ratio) {
        return rangeProblem(ratio, MIN_RATIO, MAX_RATIO);
    }

    /** Why {@code volume} is not a volume or size, or null. */
    public static String volumeProblem(long volume) {
        if (volume < 0 || volume > MAX_VOLUME) {
            return "must be between 0 and " + MAX_VOLUME + ", got " + volume;
        }
        return null;
    }

    private static String rangeProblem(double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            return "must be a finite number between " + min + " and " + max + ", got " + value;
        }
        return null;
    }
}
