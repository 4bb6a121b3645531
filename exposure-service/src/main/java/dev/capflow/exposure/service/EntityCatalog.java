package dev.capflow.exposure.service;

import dev.capflow.exposure.domain.GraphEntity;
import dev.capflow.exposure.domain.Snapshot;
import dev.capflow.exposure.valuation.Valuations;
import dev.capflow.exposure.valuation.Valuer;
import dev.capflow.grpc.DownstreamException;
import dev.capflow.grpc.paging.Page;
import dev.capflow.grpc.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * Entity definitions stored by {@link GraphStore}, answered with their current value. A value that cannot be obtained
 * (no price, ingest-service unavailable) does not fail the call: the answer says why instead.
 */
@ApplicationScoped
public class EntityCatalog {

    /** How the entity's fields are named in a write request. */
    private static final String FIELDS = "entity.";

    private final GraphStore store;
    private final Valuer valuer;
    private final RegisteredSymbols registry;

    public EntityCatalog(GraphStore store, Valuer valuer, RegisteredSymbols registry) {
        this.store = store;
        this.valuer = valuer;
        this.registry = registry;
    }

    /** Stores a new entity whose symbols are all registered instruments. */
    public Uni<ValuedEntity> create(GraphEntity entity) {
        return registry.require(entity, FIELDS)
                .chain(() -> store.insert(entity.withVersion(0)))
                .chain(this::valued);
    }

    /** The entity version holding in {@code snapshot}, valued on its date. */
    public Uni<ValuedEntity> get(String id, Snapshot snapshot) {
        return store.entity(id, snapshot)
                .chain(entity -> valued(List.of(entity), snapshot))
                .map(list -> list.get(0));
    }

    /** Replaces an entity, whose symbols must all be registered instruments. */
    public Uni<ValuedEntity> update(GraphEntity entity) {
        return registry.require(entity, FIELDS)
                .chain(() -> store.update(entity))
                .chain(this::valued);
    }

    /** Closes the entity's validity; {@code version} (null = no check) must match the stored one. */
    public Uni<Void> delete(String id, Long version, LocalDate validTo) {
        return store.deleteEntity(id, version, validTo);
    }

    /** One page of the entities holding in {@code snapshot}, by id; only the page's entities are valued. */
    public Uni<Page<ValuedEntity>> list(Snapshot snapshot, PageRequest request) {
        return store.entities(snapshot)
                .map(entities -> Page.of(entities, GraphEntity::id, request))
                .chain(page -> valued(page.items(), snapshot).map(valued -> new Page<>(valued, page.nextPageToken())));
    }

    private Uni<ValuedEntity> valued(GraphEntity entity) {
        return valued(List.of(entity), Snapshot.of(null, null)).map(list -> list.get(0));
    }

    private Uni<List<ValuedEntity>> valued(List<GraphEntity> entities, Snapshot snapshot) {
        return valuer.value(entities, snapshot)
                .map(values -> entities.stream().map(e -> withValue(e, values)).toList())
                .onFailure(DownstreamException.class)
                .recoverWithItem(failure -> entities.stream()
                        .map(e -> new ValuedEntity(e, null, failure.getMessage()))
                        .toList());
    }

    private static ValuedEntity withValue(GraphEntity entity, Valuations values) {
        return new ValuedEntity(
                entity, values.values().get(entity.id()), values.missing().getOrDefault(entity.id(), ""));
    }
}
