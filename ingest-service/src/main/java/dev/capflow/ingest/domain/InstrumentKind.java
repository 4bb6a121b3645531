package dev.capflow.ingest.domain;

/** What an instrument's prices describe. */
public enum InstrumentKind {
    EQUITY,
    FX,
    INDEX
}
