package dev.capflow.basket.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Basket definitions (Hibernate Reactive Panache), always loaded with their members; callers open the session. */
@ApplicationScoped
public class BasketRepository implements PanacheRepositoryBase<BasketEntity, String> {

    /** The basket with its members, or null. */
    public Uni<BasketEntity> findWithMembers(String id) {
        // not firstResult(): a row limit with a collection fetch would be applied in memory
        return find("from BasketEntity b left join fetch b.members where b.id = ?1", id)
                .list()
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** Every basket with its members, ordered by id. */
    public Uni<List<BasketEntity>> listWithMembers() {
        return find("select distinct b from BasketEntity b left join fetch b.members order by b.id")
                .list();
    }
}
