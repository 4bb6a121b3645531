package dev.capflow.ingest.domain;

/** A daily bar as received (from a request or a CSV row), before validation; {@code date} is the raw text. */
public record BarInput(String symbol, String date, double open, double high, double low, double close, long volume) {}
