package dev.capflow.exposure.domain;

import java.time.LocalDate;
import java.util.OptionalDouble;

import dev.capflow.exposure.engine.EdgeKind;

/**
 * A validated edge {@code from -> to} of the funding graph at one optimistic-lock version: an EQUITY edge carries
 * {@code share}, the other kinds an {@code amountUsd} when it was disclosed. {@code confidence} is null when not stated.
 */
public record GraphEdge(String id, String from, String to, EdgeKind kind, OptionalDouble amountUsd, OptionalDouble share,
        LocalDate asOf, String source, Confidence confidence, boolean estimated, String note, String sourceRow,
        long version) {

    /** Whether it is visible to a query at {@code date} (null: every edge is). */
    public boolean announcedBy(LocalDate date) {
        return date == null || !asOf.isAfter(date);
    }

    /** Whether it starts or ends at {@code entityId}. */
    public boolean touches(String entityId) {
        return from.equals(entityId) || to.equals(entityId);
    }

    /** This edge with another id and version. */
    public GraphEdge withIdentity(String newId, long newVersion) {
        return new GraphEdge(newId, from, to, kind, amountUsd, share, asOf, source, confidence, estimated, note,
                sourceRow, newVersion);
    }
}
