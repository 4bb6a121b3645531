package dev.capflow.exposure.domain;

import java.util.List;
import java.util.OptionalDouble;

/** An entity as a request or the seed states it, before {@link GraphValidator#entity}; {@code kind} null when not given. */
public record EntityDraft(
        String id,
        String name,
        EntityKind kind,
        String ticker,
        List<String> listings,
        OptionalDouble valuationUsd,
        String valuationAsOf,
        String valuationSource,
        OptionalDouble revenueUsd,
        String revenueAsOf,
        String revenueSource,
        OptionalDouble cashUsd,
        String cashAsOf,
        String cashSource,
        long version,
        String validFrom) {}
