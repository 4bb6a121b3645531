package dev.capflow.ingest.domain;

import java.util.List;

/** Stored history of {@code symbols} changed, as a price stream change entry of {@code kind} announces it. */
public record HistoryChange(String kind, List<String> symbols) {

    public HistoryChange {
        symbols = List.copyOf(symbols);
    }
}
