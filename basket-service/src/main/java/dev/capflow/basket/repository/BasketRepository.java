package dev.capflow.basket.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
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
     * The basket with its members, its row locked until the transaction ends, or null. Writers of one basket queue on
     * the lock and each checks the version the previous one committed: none reaches a delete or update that matches
     * no row (a stale version found only at flush), which left its transaction open until the call's deadline.
     */
    public Uni<BasketEntity> findWithMembersForUpdate(String id) {
        return find("from BasketEntity b where b.id = ?1", id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult()
                .chain(locked -> locked == null ? Uni.createFrom().nullItem() : findWithMembers(id));
    }

    /** Every basket with its members, ordered by id. */
    public Uni<List<BasketEntity>> listWithMembers() {
        return find("select distinct b from BasketEntity b left join fetch b.members order by b.id")
                .list();
    }
}
