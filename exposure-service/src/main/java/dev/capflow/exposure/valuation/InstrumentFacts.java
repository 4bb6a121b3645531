package dev.capflow.exposure.valuation;

import java.util.OptionalLong;

/** What ingest-service's registry says about an instrument that values an entity. */
public record InstrumentFacts(String symbol, String currency, OptionalLong sharesOutstanding) {}
