package dev.capflow.exposure.domain;

/** What an entity is, which decides how it is valued. */
public enum EntityKind {
    /** Valued at its ticker's latest price times its shares outstanding. */
    LISTED,
    /** Valued at its mark. */
    PRIVATE,
    /** A joint venture, valued at its mark. */
    JV,
    /** An investment fund, valued at its mark. */
    FUND
}
