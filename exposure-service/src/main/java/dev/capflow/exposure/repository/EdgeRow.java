package dev.capflow.exposure.repository;

import dev.capflow.exposure.domain.Capacity;
import dev.capflow.exposure.domain.CapacityKind;
import dev.capflow.exposure.domain.Confidence;
import dev.capflow.exposure.domain.GraphEdge;
import dev.capflow.exposure.engine.EdgeKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A version of an edge ({@code exposure.edge_version}); endpoints are entity ids. */
@Entity
@Table(name = "edge_version", schema = "exposure")
public class EdgeRow extends VersionedRow {

    @Column(name = "from_entity")
    public String fromEntity;

    @Column(name = "to_entity")
    public String toEntity;

    @Enumerated(EnumType.STRING)
    public EdgeKind kind;

    @Column(name = "amount_usd")
    public Double amountUsd;

    public Double share;

    @Column(name = "as_of")
    public LocalDate asOf;

    public String source;

    @Enumerated(EnumType.STRING)
    public Confidence confidence;

    public boolean estimated;

    public String note;

    @Column(name = "source_row")
    public String sourceRow;

    @Column(name = "amount_low_usd")
    public Double amountLowUsd;

    @Column(name = "amount_high_usd")
    public Double amountHighUsd;

    @Column(name = "capacity_gw")
    public Double capacityGw;

    @Enumerated(EnumType.STRING)
    @Column(name = "capacity_kind")
    public CapacityKind capacityKind;

    /** A new row for {@code edge} (its id, version and validity), recorded at {@code recordedAt}. */
    public static EdgeRow of(GraphEdge edge, Instant recordedAt) {
        EdgeRow row = new EdgeRow();
        row.id = edge.id();
        row.version = edge.version();
        row.validTo = edge.validTo();
        row.recordedAt = recordedAt;
        row.apply(edge);
        return row;
    }

    private void apply(GraphEdge edge) {
        fromEntity = edge.from();
        toEntity = edge.to();
        kind = edge.kind();
        amountUsd = boxed(edge.amountUsd());
        share = boxed(edge.share());
        asOf = edge.asOf();
        source = edge.source();
        confidence = edge.confidence();
        estimated = edge.estimated();
        note = edge.note();
        sourceRow = edge.sourceRow();
        amountLowUsd = boxed(edge.amountLowUsd());
        amountHighUsd = boxed(edge.amountHighUsd());
        capacityGw = edge.capacity() == null ? null : edge.capacity().gw();
        capacityKind = edge.capacity() == null ? null : edge.capacity().kind();
    }

    @Override
    public LocalDate validFrom() {
        return asOf;
    }

    public GraphEdge toDomain() {
        return new GraphEdge(
                id,
                fromEntity,
                toEntity,
                kind,
                optional(amountUsd),
                optional(share),
                asOf,
                source,
                confidence,
                estimated,
                note,
                sourceRow,
                version,
                optional(amountLowUsd),
                optional(amountHighUsd),
                capacityGw == null ? null : new Capacity(capacityGw, capacityKind),
                validTo,
                recordTime());
    }
}
