package dev.capflow.basket.service;

import dev.capflow.basket.domain.Basket;
import dev.capflow.basket.repository.BasketEntity;
import dev.capflow.basket.repository.BasketRepository;
import dev.capflow.errors.AlreadyExistsException;
import dev.capflow.errors.NotFoundException;
import dev.capflow.errors.StaleVersionException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Stored baskets: each method is one session (one transaction for writes), with optimistic locking on version. */
@ApplicationScoped
public class BasketStore {

    /** How errors name a basket (google.rpc.ResourceInfo resource_type). */
    public static final String BASKET = "capflow.basket.v1.Basket";

    private final BasketRepository baskets;

    public BasketStore(BasketRepository baskets) {
        this.baskets = baskets;
    }

    /** Inserts a new basket; {@link AlreadyExistsException} when its id is taken. */
    @WithTransaction
    public Uni<Basket> insert(Basket basket) {
        return baskets.findById(basket.id()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(new AlreadyExistsException(BASKET, basket.id()));
            }
            BasketEntity created = new BasketEntity();
            created.id = basket.id();
            created.apply(basket);
            return baskets.persistAndFlush(created).map(BasketEntity::toDomain);
        });
    }

    @WithSession
    public Uni<Basket> get(String id) {
        return baskets.findWithMembers(id).map(entity -> {
            if (entity == null) {
                throw new NotFoundException(BASKET, id);
            }
            return entity.toDomain();
        });
    }

    @WithSession
    public Uni<List<Basket>> list() {
        return baskets.listWithMembers()
                .map(entities -> entities.stream().map(BasketEntity::toDomain).toList());
    }

    /**
     * Replaces the definition of {@code basket.id()} if it is still at {@code basket.version()}, else
     * {@link StaleVersionException}; a concurrent writer that wins between read and flush fails Hibernate's own
     * version check at flush (ABORTED), which ends this transaction at once.
     */
    @WithTransaction
    public Uni<Basket> update(Basket basket) {
        return baskets.findWithMembers(basket.id()).chain(existing -> {
            if (existing == null) {
                return Uni.createFrom().failure(new NotFoundException(BASKET, basket.id()));
            }
            if (existing.version != basket.version()) {
                return Uni.createFrom()
                        .failure(new StaleVersionException(BASKET, basket.id(), existing.version, basket.version()));
            }
            existing.apply(basket);
            return baskets.flush().map(flushed -> existing.toDomain());
        });
    }

    /**
     * Deletes a basket, keeping its last version in {@code basket_revision}; {@code version} (null = no check) must
     * match the stored one. One guarded statement, not
     * Hibernate Reactive's entity delete (its members go by the foreign key's ON DELETE CASCADE): that delete keeps
     * one pending result per entity type, so of two baskets deleted at once one could wait forever, its transaction
     * left open until the call's deadline (docs/decisions.md).
     */
    @WithTransaction
    public Uni<Void> delete(String id, Long version) {
        Uni<Long> deleted = version == null
                ? baskets.delete("id = ?1", id)
                : baskets.delete("id = ?1 and version = ?2", id, version);
        // its last version is kept first (a refused delete rolls it back): Hibernate deletes the members before the row
        return baskets.keepRevision(id, true)
                .chain(() -> deleted)
                .chain(count -> count > 0 ? Uni.createFrom().voidItem() : whyNotDeleted(id, version));
    }

    /** The failure of a delete that matched no row: the basket is gone, or at another version. */
    private Uni<Void> whyNotDeleted(String id, Long version) {
        return baskets.findById(id)
                .chain(stored -> Uni.createFrom()
                        .failure(
                                stored == null || version == null
                                        ? new NotFoundException(BASKET, id)
                                        : new StaleVersionException(BASKET, id, stored.version, version)));
    }
}
