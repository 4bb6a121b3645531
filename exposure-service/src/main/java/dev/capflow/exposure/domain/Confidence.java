package dev.capflow.exposure.domain;

/** How sure the sources of an edge are. */
public enum Confidence {
    LOW,
    MEDIUM,
    HIGH
}
