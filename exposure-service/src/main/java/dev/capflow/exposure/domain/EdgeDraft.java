package dev.capflow.exposure.domain;

import dev.capflow.exposure.engine.EdgeKind;
import java.util.OptionalDouble;

/** An edge as a request or the seed states it, before {@link GraphValidator#edge}; {@code kind} and {@code capacityKind} null when not given. */
public record EdgeDraft(
        String id,
        String from,
        String to,
        EdgeKind kind,
        OptionalDouble amountUsd,
        OptionalDouble share,
        String asOf,
        String source,
        Confidence confidence,
        boolean estimated,
        String note,
        String sourceRow,
        long version,
        OptionalDouble amountLowUsd,
        OptionalDouble amountHighUsd,
        OptionalDouble capacityGw,
        CapacityKind capacityKind) {}
