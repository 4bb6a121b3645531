package dev.capflow.ingest.domain;

/** Where a latest price comes from. */
public enum PriceSource {
    TICK,
    DAILY_CLOSE
}
