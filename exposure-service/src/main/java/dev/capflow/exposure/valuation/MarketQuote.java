package dev.capflow.exposure.valuation;

import java.time.Instant;

/** A latest price from ingest-service: {@code price} in {@code currency}, observed at {@code ts}. */
public record MarketQuote(String symbol, double price, String currency, Instant ts) {}
