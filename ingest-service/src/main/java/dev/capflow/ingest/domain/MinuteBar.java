package dev.capflow.ingest.domain;

import java.time.Instant;

/** The ticks of one symbol in the UTC minute starting at {@code minute}, rolled up. */
public record MinuteBar(
        String symbol,
        Instant minute,
        double open,
        double high,
        double low,
        double close,
        long volume,
        long tickCount) {}
