package dev.capflow.exposure.domain;

import dev.capflow.exposure.engine.EdgeKind;
import java.time.LocalDate;
import java.util.OptionalDouble;

/**
 * A validated version of an edge {@code from -> to} of the funding graph: an EQUITY edge carries {@code share}, the other
 * kinds an {@code amountUsd} when it was disclosed, an estimated amount its range {@code amountLowUsd <= amountUsd <=
 * amountHighUsd}, a commitment stated in gigawatts its {@code capacity} (null otherwise). {@code confidence} is null when
 * not stated. The version holds from {@code asOf} until {@code validTo} (null: still holds); {@code recorded} is null
 * until it is stored.
 */
public record GraphEdge(
        String id,
        String from,
        String to,
        EdgeKind kind,
        OptionalDouble amountUsd,
        OptionalDouble share,
        LocalDate asOf,
        String source,
        Confidence confidence,
        boolean estimated,
        String note,
        String sourceRow,
        long version,
        OptionalDouble amountLowUsd,
        OptionalDouble amountHighUsd,
        Capacity capacity,
        LocalDate validTo,
        RecordTime recorded) {

    /** Whether this version holds on {@code date}. */
    public boolean holdsOn(LocalDate date) {
        return !asOf.isAfter(date) && (validTo == null || validTo.isAfter(date));
    }

    /** Whether it starts or ends at {@code entityId}. */
    public boolean touches(String entityId) {
        return from.equals(entityId) || to.equals(entityId);
    }

    /** This edge with another id and version. */
    public GraphEdge withIdentity(String newId, long newVersion) {
        return new GraphEdge(
                newId,
                from,
                to,
                kind,
                amountUsd,
                share,
                asOf,
                source,
                confidence,
                estimated,
                note,
                sourceRow,
                newVersion,
                amountLowUsd,
                amountHighUsd,
                capacity,
                validTo,
                recorded);
    }

    /** This version holding until {@code date} (null: still holds). */
    public GraphEdge withValidTo(LocalDate date) {
        return new GraphEdge(
                id,
                from,
                to,
                kind,
                amountUsd,
                share,
                asOf,
                source,
                confidence,
                estimated,
                note,
                sourceRow,
                version,
                amountLowUsd,
                amountHighUsd,
                capacity,
                date,
                recorded);
    }
}
