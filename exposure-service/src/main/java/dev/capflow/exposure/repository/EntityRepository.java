package dev.capflow.exposure.repository;

import dev.capflow.exposure.domain.Snapshot;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Entity versions (Hibernate Reactive Panache), always loaded with their listings; callers open the session. */
@ApplicationScoped
public class EntityRepository implements PanacheRepositoryBase<EntityRow, Long> {

    private static final String HOLDING =
            "e.recordedAt <= :knownAt and (e.supersededAt is null or e.supersededAt > :knownAt) "
                    + "and (e.validFrom is null or e.validFrom <= :asOf) and (e.validTo is null or e.validTo > :asOf)";

    /** The versions known at the snapshot's instant that hold on its date, by id. */
    public Uni<List<EntityRow>> holding(Snapshot snapshot) {
        return find(
                        "select distinct e from EntityRow e left join fetch e.listings where " + HOLDING
                                + " order by e.id",
                        parameters(snapshot))
                .list();
    }

    /** Every version capflow currently holds true (not superseded), of every entity, by id, then valid_from. */
    public Uni<List<EntityRow>> current() {
        return find("select distinct e from EntityRow e left join fetch e.listings where e.supersededAt is null "
                        + "order by e.id, e.validFrom nulls first")
                .list();
    }

    /** Every version of {@code id} ever stored, in the order recorded, then by valid_from. */
    public Uni<List<EntityRow>> history(String id) {
        return find(
                        "select distinct e from EntityRow e left join fetch e.listings where e.id = ?1 "
                                + "order by e.recordedAt, e.validFrom nulls first, e.rowId",
                        id)
                .list();
    }

    private static Parameters parameters(Snapshot snapshot) {
        return Parameters.with("knownAt", snapshot.knownAt()).and("asOf", snapshot.asOf());
    }
}
