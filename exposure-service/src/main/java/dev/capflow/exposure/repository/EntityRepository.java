package dev.capflow.exposure.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Entities (Hibernate Reactive Panache), always loaded with their listings; callers open the session. */
@ApplicationScoped
public class EntityRepository implements PanacheRepositoryBase<EntityRow, String> {

    /** The entity with its listings, or null. */
    public Uni<EntityRow> findWithListings(String id) {
        // not firstResult(): a row limit with a collection fetch would be applied in memory
        return find("from EntityRow e left join fetch e.listings where e.id = ?1", id).list()
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** Every entity with its listings, ordered by id. */
    public Uni<List<EntityRow>> listWithListings() {
        return find("select distinct e from EntityRow e left join fetch e.listings order by e.id").list();
    }
}
