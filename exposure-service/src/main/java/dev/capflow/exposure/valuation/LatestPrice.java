package dev.capflow.exposure.valuation;

import java.time.Instant;

/** ingest-service's latest price of a symbol (newest tick, else newest daily close). */
public record LatestPrice(String symbol, double price, Instant ts) {}
