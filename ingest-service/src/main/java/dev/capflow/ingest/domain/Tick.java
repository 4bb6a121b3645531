package dev.capflow.ingest.domain;

import java.time.Instant;

/** One validated intraday trade or quote; {@code ts} carries microsecond precision, as stored. */
public record Tick(String symbol, Instant ts, double price, long size) {
}
