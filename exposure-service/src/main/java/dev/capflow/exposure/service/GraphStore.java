package dev.capflow.exposure.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.capflow.exposure.domain.AlreadyExistsException;
import dev.capflow.exposure.domain.GraphEdge;
import dev.capflow.exposure.domain.GraphEntity;
import dev.capflow.exposure.domain.NotFoundException;
import dev.capflow.exposure.domain.PreconditionException;
import dev.capflow.exposure.domain.StaleVersionException;
import dev.capflow.exposure.repository.EdgeRepository;
import dev.capflow.exposure.repository.EdgeRow;
import dev.capflow.exposure.repository.EntityRepository;
import dev.capflow.exposure.repository.EntityRow;
import dev.capflow.exposure.repository.GraphLock;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The stored graph. Each method is one session (one transaction for writes); every write takes the graph lock first and
 * checks its rules against the graph as it would be after the write, so a rejected write stores nothing.
 */
@ApplicationScoped
public class GraphStore {

    static final String ENTITY = "entity";
    static final String EDGE = "edge";

    private final EntityRepository entities;
    private final EdgeRepository edges;
    private final GraphLock lock;

    public GraphStore(EntityRepository entities, EdgeRepository edges, GraphLock lock) {
        this.entities = entities;
        this.edges = edges;
        this.lock = lock;
    }

    /** Every entity and every edge, read in one session. */
    @WithSession
    public Uni<GraphContents> contents() {
        return allEntities().chain(all -> edges.listOrdered()
                .map(rows -> new GraphContents(all, rows.stream().map(EdgeRow::toDomain).toList())));
    }

    @WithSession
    public Uni<GraphEntity> entity(String id) {
        return entities.findWithListings(id).map(row -> {
            if (row == null) {
                throw new NotFoundException(ENTITY, id);
            }
            return row.toDomain();
        });
    }

    @WithSession
    public Uni<List<GraphEntity>> entities() {
        return entities.listWithListings().map(rows -> rows.stream().map(EntityRow::toDomain).toList());
    }

    /** Inserts a new entity; {@link AlreadyExistsException} when its id is taken. */
    @WithTransaction
    public Uni<GraphEntity> insert(GraphEntity entity) {
        return lock.acquire().chain(() -> entities.findById(entity.id())).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(new AlreadyExistsException(ENTITY, entity.id()));
            }
            return allEntities().chain(all -> {
                requireOwnSymbols(entity, all);
                return entities.persistAndFlush(EntityRow.of(entity)).map(EntityRow::toDomain);
            });
        });
    }

    /** Replaces an entity's definition if it is still at {@code entity.version()}. */
    @WithTransaction
    public Uni<GraphEntity> update(GraphEntity entity) {
        return lock.acquire().chain(() -> entities.findWithListings(entity.id())).chain(existing -> {
            if (existing == null) {
                return Uni.createFrom().failure(new NotFoundException(ENTITY, entity.id()));
            }
            if (existing.version != entity.version()) {
                return Uni.createFrom().failure(new StaleVersionException(ENTITY, entity.id(), existing.version, entity.version()));
            }
            return allEntities().chain(all -> {
                requireOwnSymbols(entity, all);
                existing.apply(entity);
                return entities.flush().map(flushed -> existing.toDomain());
            });
        });
    }

    /** Deletes an entity no edge touches; a non-zero {@code version} must match the stored one. */
    @WithTransaction
    public Uni<Void> deleteEntity(String id, long version) {
        return lock.acquire().chain(() -> entities.findWithListings(id)).chain(existing -> {
            if (existing == null) {
                return Uni.createFrom().failure(new NotFoundException(ENTITY, id));
            }
            if (version != 0 && existing.version != version) {
                return Uni.createFrom().failure(new StaleVersionException(ENTITY, id, existing.version, version));
            }
            return edges.listTouching(id).chain(touching -> {
                if (!touching.isEmpty()) {
                    List<String> ids = touching.stream().map(row -> row.id).toList();
                    return Uni.createFrom().failure(new PreconditionException(List.of(new PreconditionException.Violation(
                            "EDGES", id, touching.size() + " edge(s) still start or end at " + id
                                    + "; delete them first: " + String.join(", ", ids)))));
                }
                return entities.delete(existing).call(entities::flush);
            });
        });
    }

    @WithSession
    public Uni<GraphEdge> edge(String id) {
        return edges.findById(id).map(row -> {
            if (row == null) {
                throw new NotFoundException(EDGE, id);
            }
            return row.toDomain();
        });
    }

    /** The edges announced by {@code asOf} (null: all), touching {@code entityId} when it is not null. */
    @WithSession
    public Uni<List<GraphEdge>> edges(LocalDate asOf, String entityId) {
        Uni<List<EdgeRow>> rows = asOf == null ? edges.listOrdered() : edges.listAnnouncedBy(asOf);
        return rows.map(list -> list.stream().map(EdgeRow::toDomain)
                .filter(edge -> entityId == null || edge.touches(entityId)).toList());
    }

    /** Inserts a new edge; {@link AlreadyExistsException} when its id is taken. */
    @WithTransaction
    public Uni<GraphEdge> insert(GraphEdge edge) {
        return lock.acquire().chain(() -> edges.findById(edge.id())).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(new AlreadyExistsException(EDGE, edge.id()));
            }
            return withEdgeReplaced(edge).chain(() -> edges.persistAndFlush(EdgeRow.of(edge)).map(EdgeRow::toDomain));
        });
    }

    /** Replaces an edge if it is still at {@code edge.version()}. */
    @WithTransaction
    public Uni<GraphEdge> update(GraphEdge edge) {
        return lock.acquire().chain(() -> edges.findById(edge.id())).chain(existing -> {
            if (existing == null) {
                return Uni.createFrom().failure(new NotFoundException(EDGE, edge.id()));
            }
            if (existing.version != edge.version()) {
                return Uni.createFrom().failure(new StaleVersionException(EDGE, edge.id(), existing.version, edge.version()));
            }
            return withEdgeReplaced(edge).chain(() -> {
                existing.apply(edge);
                return edges.flush().map(flushed -> existing.toDomain());
            });
        });
    }

    /** Deletes an edge; a non-zero {@code version} must match the stored one. */
    @WithTransaction
    public Uni<Void> deleteEdge(String id, long version) {
        return lock.acquire().chain(() -> edges.findById(id)).chain(existing -> {
            if (existing == null) {
                return Uni.createFrom().failure(new NotFoundException(EDGE, id));
            }
            if (version != 0 && existing.version != version) {
                return Uni.createFrom().failure(new StaleVersionException(EDGE, id, existing.version, version));
            }
            return edges.delete(existing).call(edges::flush);
        });
    }

    /** Checks the graph with {@code edge} added or replacing the stored edge of its id. */
    private Uni<Void> withEdgeReplaced(GraphEdge edge) {
        return allEntities().chain(all -> edges.listOrdered().invoke(rows -> {
            List<GraphEdge> after = new ArrayList<>(rows.size() + 1);
            rows.stream().filter(row -> !row.id.equals(edge.id())).forEach(row -> after.add(row.toDomain()));
            after.add(edge);
            GraphRules.check(all, after, edge, "edge.");
        })).replaceWithVoid();
    }

    private Uni<List<GraphEntity>> allEntities() {
        return entities.listWithListings().map(rows -> rows.stream().map(EntityRow::toDomain).toList());
    }

    /** Fails naming the field of every symbol of {@code entity} that another entity already has. */
    private static void requireOwnSymbols(GraphEntity entity, List<GraphEntity> all) {
        Map<String, String> owners = new HashMap<>();
        all.stream().filter(other -> !other.id().equals(entity.id()))
                .forEach(other -> other.symbols().forEach(symbol -> owners.put(symbol, other.id())));
        List<FieldViolation> taken = new ArrayList<>();
        if (owners.containsKey(entity.ticker())) {
            taken.add(new FieldViolation("entity.ticker", "entity " + entity.id() + ": " + entity.ticker()
                    + " already names entity " + owners.get(entity.ticker())));
        }
        for (int i = 0; i < entity.listings().size(); i++) {
            String listing = entity.listings().get(i);
            if (owners.containsKey(listing)) {
                taken.add(new FieldViolation("entity.listings[" + i + "]", "entity " + entity.id() + ": " + listing
                        + " already names entity " + owners.get(listing)));
            }
        }
        if (!taken.isEmpty()) {
            throw new InvalidRequestException(taken);
        }
    }
}
