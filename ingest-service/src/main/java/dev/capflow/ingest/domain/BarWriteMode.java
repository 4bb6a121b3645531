package dev.capflow.ingest.domain;

/** What a daily bar does to a stored bar of the same symbol and date. */
public enum BarWriteMode {
    /** A stored symbol and date is a duplicate, whatever its values. */
    INSERT,
    /** A bar with different values replaces the stored one, which goes to the audit trail. */
    REPLACE
}
