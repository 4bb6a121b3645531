package dev.capflow.ingest.domain;

import java.time.LocalDate;

/** One validated daily session of one instrument, prices in the instrument's currency. */
public record DailyBar(
        String symbol, LocalDate date, double open, double high, double low, double close, long volume) {}
