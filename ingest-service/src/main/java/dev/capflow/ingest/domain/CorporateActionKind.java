package dev.capflow.ingest.domain;

/** The corporate actions that change how past prices compare with today's. */
public enum CorporateActionKind {
    SPLIT,
    DIVIDEND
}
