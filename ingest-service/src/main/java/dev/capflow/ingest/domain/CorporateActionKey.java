package dev.capflow.ingest.domain;

import java.time.LocalDate;

/** What names one recorded corporate action: a symbol has at most one action of a kind per ex-date. */
public record CorporateActionKey(String symbol, LocalDate exDate, CorporateActionKind kind) {

    @Override
    public String toString() {
        return symbol + "/" + exDate + "/" + kind;
    }
}
