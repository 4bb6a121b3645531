package dev.capflow.exposure.repository;

import dev.capflow.exposure.domain.EntityKind;
import dev.capflow.exposure.domain.GraphEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A version of an entity ({@code exposure.entity_version}) with its listings. */
@Entity
@Table(name = "entity_version", schema = "exposure")
public class EntityRow extends VersionedRow {

    public String name;

    @Enumerated(EnumType.STRING)
    public EntityKind kind;

    public String ticker;

    @ElementCollection
    @CollectionTable(name = "entity_listing", schema = "exposure", joinColumns = @JoinColumn(name = "entity_row_id"))
    @OrderColumn(name = "position")
    @Column(name = "symbol")
    public List<String> listings = new ArrayList<>();

    @Column(name = "valuation_usd")
    public Double valuationUsd;

    @Column(name = "valuation_as_of")
    public LocalDate valuationAsOf;

    @Column(name = "valuation_source")
    public String valuationSource;

    @Column(name = "revenue_usd")
    public Double revenueUsd;

    @Column(name = "revenue_as_of")
    public LocalDate revenueAsOf;

    @Column(name = "revenue_source")
    public String revenueSource;

    @Column(name = "cash_usd")
    public Double cashUsd;

    @Column(name = "cash_as_of")
    public LocalDate cashAsOf;

    @Column(name = "cash_source")
    public String cashSource;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    /** A new row for {@code entity} (its id, version and validity), recorded at {@code recordedAt}. */
    public static EntityRow of(GraphEntity entity, Instant recordedAt) {
        EntityRow row = new EntityRow();
        row.id = entity.id();
        row.version = entity.version();
        row.validFrom = entity.validFrom();
        row.validTo = entity.validTo();
        row.recordedAt = recordedAt;
        row.apply(entity);
        return row;
    }

    private void apply(GraphEntity entity) {
        name = entity.name();
        kind = entity.kind();
        ticker = entity.ticker().isEmpty() ? null : entity.ticker();
        listings.clear();
        listings.addAll(entity.listings());
        valuationUsd = boxed(entity.valuationUsd());
        valuationAsOf = entity.valuationAsOf();
        valuationSource = blankToNull(entity.valuationSource());
        revenueUsd = boxed(entity.revenueUsd());
        revenueAsOf = entity.revenueAsOf();
        revenueSource = blankToNull(entity.revenueSource());
        cashUsd = boxed(entity.cashUsd());
        cashAsOf = entity.cashAsOf();
        cashSource = blankToNull(entity.cashSource());
    }

    @Override
    public LocalDate validFrom() {
        return validFrom;
    }

    public GraphEntity toDomain() {
        return new GraphEntity(
                id,
                name,
                kind,
                ticker == null ? "" : ticker,
                listings,
                optional(valuationUsd),
                valuationAsOf,
                valuationSource == null ? "" : valuationSource,
                optional(revenueUsd),
                revenueAsOf,
                revenueSource == null ? "" : revenueSource,
                optional(cashUsd),
                cashAsOf,
                cashSource == null ? "" : cashSource,
                version,
                validFrom,
                validTo,
                recordTime());
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
