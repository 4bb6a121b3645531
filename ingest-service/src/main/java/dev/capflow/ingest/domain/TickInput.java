package dev.capflow.ingest.domain;

/**
 * A tick as received, before validation: the timestamp is kept as raw seconds and nanos (with
 * {@code hasTs} telling whether it was sent at all) so that the validator can name every problem.
 */
public record TickInput(String symbol, boolean hasTs, long tsSeconds, int tsNanos, double price, long size) {
}
