package dev.capflow.exposure.repository;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import dev.capflow.exposure.domain.Confidence;
import dev.capflow.exposure.domain.GraphEdge;
import dev.capflow.exposure.engine.EdgeKind;

/** A row of {@code exposure.edge}, optimistically locked by {@code version}; endpoints are entity ids. */
@Entity
@Table(name = "edge", schema = "exposure")
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

    /** A new row for {@code edge}. */
    public static EdgeRow of(GraphEdge edge) {
        EdgeRow row = new EdgeRow();
        row.id = edge.id();
        row.apply(edge);
        return row;
    }

    /** Copies every definition field of {@code edge} (not its id or version). */
    public void apply(GraphEdge edge) {
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
    }

    public GraphEdge toDomain() {
        return new GraphEdge(id, fromEntity, toEntity, kind, optional(amountUsd), optional(share), asOf,
                source, confidence, estimated, note, sourceRow, version);
    }
}
