package dev.capflow.ingest.domain;

/**
 * A tick as received, before validation: the timestamp is kept as raw seconds and nanos (with
 * {@code hasTs} telling whether it was sent at all) so that the validator can name every problem.
 * {@code source} and {@code tradeId} are its source identity ("" when unknown).
 */
public record TickInput(
        String symbol,
        boolean hasTs,
        long tsSeconds,
        int tsNanos,
        double price,
        long size,
        String source,
        String tradeId) {

    /** A tick sent without a source identity. */
    public TickInput(String symbol, boolean hasTs, long tsSeconds, int tsNanos, double price, long size) {
        this(symbol, hasTs, tsSeconds, tsNanos, price, size, "", "");
    }
}
