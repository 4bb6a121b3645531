package dev.capflow.ingest.domain;

/** An instrument of the registry; {@code sharesOutstanding} is null when unknown, {@code version} counts changes. */
public record Instrument(
        String symbol,
        String name,
        String currency,
        String exchange,
        InstrumentKind kind,
        Long sharesOutstanding,
        long version) {}
