package dev.capflow.exposure.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A validated version of an entity of the funding graph (docs/funding-graph.md) at one optimistic-lock version.
 * {@code ticker} is empty when the entity has none; the dates and sources of its mark, revenue and cash are null or
 * empty when not recorded. The version holds from {@code validFrom} (null: since always) until {@code validTo} (null:
 * still holds); {@code recorded} is null until it is stored.
 */
public record GraphEntity(
        String id,
        String name,
        EntityKind kind,
        String ticker,
        List<String> listings,
        OptionalDouble valuationUsd,
        LocalDate valuationAsOf,
        String valuationSource,
        OptionalDouble revenueUsd,
        LocalDate revenueAsOf,
        String revenueSource,
        OptionalDouble cashUsd,
        LocalDate cashAsOf,
        String cashSource,
        long version,
        LocalDate validFrom,
        LocalDate validTo,
        RecordTime recorded) {

    public GraphEntity {
        listings = List.copyOf(listings);
    }

    /** Its ticker (when it has one) and its listings: every symbol a basket member may hold it under. */
    public List<String> symbols() {
        List<String> symbols = new ArrayList<>();
        if (!ticker.isEmpty()) {
            symbols.add(ticker);
        }
        symbols.addAll(listings);
        return symbols;
    }

    /** This entity at another version. */
    public GraphEntity withVersion(long newVersion) {
        return new GraphEntity(
                id,
                name,
                kind,
                ticker,
                listings,
                valuationUsd,
                valuationAsOf,
                valuationSource,
                revenueUsd,
                revenueAsOf,
                revenueSource,
                cashUsd,
                cashAsOf,
                cashSource,
                newVersion,
                validFrom,
                validTo,
                recorded);
    }

    /** This version holding until {@code date} (null: still holds). */
    public GraphEntity withValidTo(LocalDate date) {
        return new GraphEntity(
                id,
                name,
                kind,
                ticker,
                listings,
                valuationUsd,
                valuationAsOf,
                valuationSource,
                revenueUsd,
                revenueAsOf,
                revenueSource,
                cashUsd,
                cashAsOf,
                cashSource,
                version,
                validFrom,
                date,
                recorded);
    }
}
