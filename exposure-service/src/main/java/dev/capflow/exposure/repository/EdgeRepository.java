package dev.capflow.exposure.repository;

import dev.capflow.exposure.domain.Snapshot;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Edge versions (Hibernate Reactive Panache); callers open the session. */
@ApplicationScoped
public class EdgeRepository implements PanacheRepositoryBase<EdgeRow, Long> {

    /** The versions recorded by {@code snapshot.knownAt()} and not superseded by then that hold on its date, by as_of, then id. */
    public Uni<List<EdgeRow>> holding(Snapshot snapshot) {
        return find(
                        "recordedAt <= :knownAt and (supersededAt is null or supersededAt > :knownAt) and asOf <= :asOf "
                                + "and (validTo is null or validTo > :asOf) order by asOf, id",
                        Parameters.with("knownAt", snapshot.knownAt()).and("asOf", snapshot.asOf()))
                .list();
    }

    /** Every version capflow currently holds true (not superseded), of every edge, by as_of, then id. */
    public Uni<List<EdgeRow>> current() {
        return find("supersededAt is null order by asOf, id").list();
    }

    /** Every version of {@code id} ever stored, in the order recorded, then by as_of. */
    public Uni<List<EdgeRow>> history(String id) {
        return find("id = ?1 order by recordedAt, asOf, rowId", id).list();
    }
}
