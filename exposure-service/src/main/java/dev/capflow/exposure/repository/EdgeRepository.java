package dev.capflow.exposure.repository;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Edges (Hibernate Reactive Panache); callers open the session. */
@ApplicationScoped
public class EdgeRepository implements PanacheRepositoryBase<EdgeRow, String> {

    /** Every edge, ordered by as_of, then id. */
    public Uni<List<EdgeRow>> listOrdered() {
        return find("order by asOf, id").list();
    }

    /** The edges announced on or before {@code asOf}, ordered by as_of, then id. */
    public Uni<List<EdgeRow>> listAnnouncedBy(LocalDate asOf) {
        return find("asOf <= :asOf order by asOf, id", Parameters.with("asOf", asOf)).list();
    }

    /** The edges that start or end at {@code entityId}, ordered by id. */
    public Uni<List<EdgeRow>> listTouching(String entityId) {
        return find("fromEntity = ?1 or toEntity = ?1 order by id", entityId).list();
    }
}
