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

    /**
     * Keeps the stored version of basket {@code id} with its members in {@code basket.basket_revision} ({@code deleted}:
     * its last one, before a delete); in the caller's transaction. Answers how many were kept (0: no such basket).
     */
    public Uni<Integer> keepRevision(String id, boolean deleted) {
        return getSession()
                .chain(session -> session.createNativeQuery("SELECT basket.keep_basket_revision(?1, ?2)", Integer.class)
                        .setParameter(1, id)
                        .setParameter(2, deleted)
                        .getSingleResult());
    }

    /** Every basket with its members, ordered by id. */
    public Uni<List<BasketEntity>> listWithMembers() {
        return find("select distinct b from BasketEntity b left join fetch b.members order by b.id")
                .list();
    }
}
