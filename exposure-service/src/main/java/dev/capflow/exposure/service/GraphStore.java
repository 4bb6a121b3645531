package dev.capflow.exposure.service;

import dev.capflow.errors.AlreadyExistsException;
import dev.capflow.errors.NotFoundException;
import dev.capflow.errors.StaleVersionException;
import dev.capflow.exposure.domain.GraphEdge;
import dev.capflow.exposure.domain.GraphEntity;
import dev.capflow.exposure.domain.PreconditionException;
import dev.capflow.exposure.domain.Snapshot;
import dev.capflow.exposure.repository.EdgeRepository;
import dev.capflow.exposure.repository.EdgeRow;
import dev.capflow.exposure.repository.EntityRepository;
import dev.capflow.exposure.repository.EntityRow;
import dev.capflow.exposure.repository.GraphLock;
import dev.capflow.exposure.repository.VersionedRow;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The stored, bitemporal graph. Each method is one session (one transaction for writes); every write takes the graph
 * lock first, appends versions (never updates a definition, never deletes a row) and checks its rules against the
 * graph as it would be after the write, on every date its timeline changes, so a rejected write stores nothing.
 */
@ApplicationScoped
public class GraphStore {

    static final String ENTITY = "capflow.exposure.v1.Entity";
    static final String EDGE = "capflow.exposure.v1.Edge";

    private final EntityRepository entities;
    private final EdgeRepository edges;
    private final GraphLock lock;

    public GraphStore(EntityRepository entities, EdgeRepository edges, GraphLock lock) {
        this.entities = entities;
        this.edges = edges;
        this.lock = lock;
    }

    /** The entities and edges holding on the snapshot's date as known at its instant, read in one session. */
    @WithSession
    public Uni<GraphContents> contents(Snapshot snapshot) {
        return entities.holding(snapshot)
                .chain(entityRows -> edges.holding(snapshot)
                        .map(edgeRows -> new GraphContents(
                                entityRows.stream().map(EntityRow::toDomain).toList(),
                                edgeRows.stream().map(EdgeRow::toDomain).toList())));
    }

    @WithSession
    public Uni<GraphEntity> entity(String id, Snapshot snapshot) {
        return entities.holding(snapshot)
                .map(rows -> rows.stream()
                        .filter(row -> row.id.equals(id))
                        .findFirst()
                        .map(EntityRow::toDomain)
                        .orElseThrow(() -> new NotFoundException(ENTITY, id)));
    }

    @WithSession
    public Uni<List<GraphEntity>> entities(Snapshot snapshot) {
        return entities.holding(snapshot)
                .map(rows -> rows.stream().map(EntityRow::toDomain).toList());
    }

    /** Every version of the entity ever stored; NOT_FOUND when there is none. */
    @WithSession
    public Uni<List<GraphEntity>> entityHistory(String id) {
        return entities.history(id).map(rows -> found(rows, ENTITY, id, EntityRow::toDomain));
    }

    /**
     * Inserts a new entity; {@link AlreadyExistsException} while its id holds. The id of a deleted entity starts a new
     * version from the new valid_from (an earlier version still holding then is cut there).
     */
    @WithTransaction
    public Uni<GraphEntity> insert(GraphEntity entity) {
        return lock.acquire().chain(entities::current).chain(all -> {
            List<EntityRow> current = ofId(all, entity.id());
            if (ValidTimeline.isOpen(current)) {
                return Uni.createFrom().failure(new AlreadyExistsException(ENTITY, entity.id()));
            }
            requireOwnSymbols(entity, all);
            long version = current.isEmpty() ? 0 : ValidTimeline.versionOf(current) + 1;
            Instant now = now();
            return rewrite(
                            current,
                            entity.validFrom(),
                            now,
                            (row, end) ->
                                    EntityRow.of(row.toDomain().withValidTo(end).withVersion(version), now))
                    .chain(() -> entities.persistAndFlush(EntityRow.of(entity.withVersion(version), now)))
                    .map(EntityRow::toDomain);
        });
    }

    /**
     * Stores a new version of an entity still at {@code entity.version()}, holding from its valid_from: the current
     * versions before that date go on holding until it, the ones from it on are replaced.
     */
    @WithTransaction
    public Uni<GraphEntity> update(GraphEntity entity) {
        return lock.acquire().chain(entities::current).chain(all -> {
            List<EntityRow> current = ofId(all, entity.id());
            long version = requireWritable(current, ENTITY, entity.id(), entity.version());
            requireOwnSymbols(entity, all);
            Instant now = now();
            GraphEntity next = entity.withVersion(version + 1);
            return rewrite(
                            current,
                            entity.validFrom(),
                            now,
                            (row, end) ->
                                    EntityRow.of(row.toDomain().withValidTo(end).withVersion(version + 1), now))
                    .chain(() -> entities.persistAndFlush(EntityRow.of(next, now)))
                    .map(EntityRow::toDomain);
        });
    }

    /**
     * Closes an entity's validity on {@code validTo} (null: today); refused while an edge touching it holds then or
     * later. A non-null {@code version} must match the stored one.
     */
    @WithTransaction
    public Uni<Void> deleteEntity(String id, Long version, LocalDate validTo) {
        LocalDate end = validTo == null ? today() : validTo;
        return lock.acquire().chain(entities::current).chain(all -> {
            List<EntityRow> current = ofId(all, id);
            long stored = requireClosable(current, ENTITY, id, version, end);
            return edges.current().chain(edgeRows -> {
                List<String> touching = edgeRows.stream()
                        .filter(row ->
                                row.holdsOnOrAfter(end) && (row.fromEntity.equals(id) || row.toEntity.equals(id)))
                        .map(row -> row.id)
                        .distinct()
                        .toList();
                if (!touching.isEmpty()) {
                    return Uni.createFrom()
                            .failure(new PreconditionException(List.of(new PreconditionException.Violation(
                                    "EDGES",
                                    id,
                                    touching.size() + " edge(s) still start or end at " + id + " on or after " + end
                                            + "; delete them first: " + String.join(", ", touching)))));
                }
                Instant now = now();
                return rewrite(
                        current,
                        end,
                        now,
                        (row, cut) ->
                                EntityRow.of(row.toDomain().withValidTo(cut).withVersion(stored + 1), now));
            });
        });
    }

    /** The edge version holding on the snapshot's date as known at its instant; NOT_FOUND when none does. */
    @WithSession
    public Uni<GraphEdge> edge(String id, Snapshot snapshot) {
        return edges.holding(snapshot)
                .map(rows -> rows.stream()
                        .filter(row -> row.id.equals(id))
                        .findFirst()
                        .map(EdgeRow::toDomain)
                        .orElseThrow(() -> new NotFoundException(EDGE, id)));
    }

    /** The edges holding in the snapshot, touching {@code entityId} when it is not null. */
    @WithSession
    public Uni<List<GraphEdge>> edges(Snapshot snapshot, String entityId) {
        return edges.holding(snapshot)
                .map(list -> list.stream()
                        .map(EdgeRow::toDomain)
                        .filter(edge -> entityId == null || edge.touches(entityId))
                        .toList());
    }

    /** Every version of the edge ever stored; NOT_FOUND when there is none. */
    @WithSession
    public Uni<List<GraphEdge>> edgeHistory(String id) {
        return edges.history(id).map(rows -> found(rows, EDGE, id, EdgeRow::toDomain));
    }

    /**
     * Inserts a new edge; {@link AlreadyExistsException} while its id holds. The id of a deleted edge starts a new
     * version from the new as_of (an earlier version still holding then is cut there).
     */
    @WithTransaction
    public Uni<GraphEdge> insert(GraphEdge edge) {
        return lock.acquire().chain(edges::current).chain(all -> {
            List<EdgeRow> current = ofId(all, edge.id());
            if (ValidTimeline.isOpen(current)) {
                return Uni.createFrom().failure(new AlreadyExistsException(EDGE, edge.id()));
            }
            long version = current.isEmpty() ? 0 : ValidTimeline.versionOf(current) + 1;
            GraphEdge first = edge.withIdentity(edge.id(), version);
            return written(all, current, first, now());
        });
    }

    /**
     * Stores a new version of an edge still at {@code edge.version()}, holding from its as_of: an earlier version goes on
     * holding until that date (an amendment), a version from that date on is replaced (a correction).
     */
    @WithTransaction
    public Uni<GraphEdge> update(GraphEdge edge) {
        return lock.acquire().chain(edges::current).chain(all -> {
            List<EdgeRow> current = ofId(all, edge.id());
            long version = requireWritable(current, EDGE, edge.id(), edge.version());
            return written(all, current, edge.withIdentity(edge.id(), version + 1), now());
        });
    }

    /** Checks the graph with {@code next} written over the id's {@code current} versions, then stores the write. */
    private Uni<GraphEdge> written(List<EdgeRow> all, List<EdgeRow> current, GraphEdge next, Instant now) {
        List<ValidTimeline.Cut<EdgeRow>> cuts = ValidTimeline.cutFrom(next.asOf(), current);
        return checked(all, cuts, List.of(next), next)
                .chain(() -> rewrite(
                        current,
                        next.asOf(),
                        now,
                        (row, end) ->
                                EdgeRow.of(row.toDomain().withValidTo(end).withIdentity(row.id, next.version()), now)))
                .chain(() -> edges.persistAndFlush(EdgeRow.of(next, now)))
                .map(EdgeRow::toDomain);
    }

    /** Closes an edge's validity on {@code validTo} (null: today); a non-null {@code version} must match the stored one. */
    @WithTransaction
    public Uni<Void> deleteEdge(String id, Long version, LocalDate validTo) {
        LocalDate end = validTo == null ? today() : validTo;
        return lock.acquire().chain(edges::current).chain(all -> {
            List<EdgeRow> current = ofId(all, id);
            long stored = requireClosable(current, EDGE, id, version, end);
            Instant now = now();
            return rewrite(
                    current,
                    end,
                    now,
                    (row, cut) -> EdgeRow.of(row.toDomain().withValidTo(cut).withIdentity(id, stored + 1), now));
        });
    }

    /**
     * Supersedes the current versions a write from {@code date} cuts, and stores the restated ones (made by
     * {@code restated} from a row and the date it now ends on).
     */
    private <R extends VersionedRow> Uni<Void> rewrite(
            List<R> current, LocalDate date, Instant now, BiFunction<R, LocalDate, VersionedRow> restated) {
        List<VersionedRow> inserts = new ArrayList<>();
        for (ValidTimeline.Cut<R> cut : ValidTimeline.cutFrom(date, current)) {
            cut.row().supersededAt = now;
            if (cut.restate()) {
                inserts.add(restated.apply(cut.row(), date));
            }
        }
        return edges.flush()
                .chain(() -> inserts.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : edges.getSession()
                                .chain(session -> session.persistAll(inserts.toArray()))
                                .chain(() -> edges.flush()));
    }

    /**
     * Checks the graph of current versions after a write ({@code cuts} superseded and restated, {@code added} stored) on
     * every date its valid timeline changes: both ends of {@code written} exist, and the engine accepts the graph.
     */
    private Uni<Void> checked(
            List<EdgeRow> all, List<ValidTimeline.Cut<EdgeRow>> cuts, List<GraphEdge> added, GraphEdge written) {
        return entities.current()
                .invoke(entityRows -> {
                    List<GraphEdge> after = new ArrayList<>();
                    all.stream()
                            .filter(row -> cuts.stream().noneMatch(cut -> cut.row() == row))
                            .forEach(row -> after.add(row.toDomain()));
                    cuts.stream()
                            .filter(ValidTimeline.Cut::restate)
                            .forEach(cut -> after.add(cut.row().toDomain().withValidTo(written.asOf())));
                    after.addAll(added);
                    Map<String, GraphEntity> byId = new HashMap<>();
                    entityRows.forEach(row -> byId.putIfAbsent(row.id, row.toDomain()));
                    List<GraphEntity> known = List.copyOf(byId.values());
                    for (LocalDate date : GraphModel.datesOfChange(after)) {
                        GraphRules.check(
                                known,
                                after.stream()
                                        .filter(edge -> edge.holdsOn(date))
                                        .toList(),
                                written,
                                "edge.",
                                date);
                    }
                })
                .replaceWithVoid();
    }

    /** The current versions of one id. */
    private static <R extends VersionedRow> List<R> ofId(List<R> all, String id) {
        return all.stream().filter(row -> row.id.equals(id)).toList();
    }

    /** The id's version after checking it exists, is not deleted and is still at {@code expected}. */
    private static long requireWritable(List<? extends VersionedRow> current, String what, String id, long expected) {
        if (!ValidTimeline.isOpen(current)) {
            throw new NotFoundException(what, id);
        }
        return requireVersion(current, what, id, expected);
    }

    /**
     * The id's version after checking some version still holds on or after {@code end} (a delete may also shorten a
     * validity that already ended) and, for a non-null {@code expected}, that it is still at it.
     */
    private static long requireClosable(
            List<? extends VersionedRow> current, String what, String id, Long expected, LocalDate end) {
        if (ValidTimeline.cutFrom(end, current).isEmpty()) {
            throw new NotFoundException(what, id);
        }
        return expected == null ? ValidTimeline.versionOf(current) : requireVersion(current, what, id, expected);
    }

    /** The id's version after checking it is still at {@code expected}. */
    private static long requireVersion(List<? extends VersionedRow> current, String what, String id, long expected) {
        long stored = ValidTimeline.versionOf(current);
        if (stored != expected) {
            throw new StaleVersionException(what, id, stored, expected);
        }
        return stored;
    }

    private static <R, D> List<D> found(List<R> rows, String what, String id, Function<R, D> toDomain) {
        if (rows.isEmpty()) {
            throw new NotFoundException(what, id);
        }
        return rows.stream().map(toDomain).toList();
    }

    /** The record time of a write: PostgreSQL keeps microseconds, so the answer carries what a later read returns. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Fails naming the field of every symbol of {@code entity} that another entity already has. */
    private static void requireOwnSymbols(GraphEntity entity, List<EntityRow> all) {
        Map<String, String> owners = new HashMap<>();
        all.stream()
                .filter(other -> !other.id.equals(entity.id()))
                .forEach(other -> other.toDomain().symbols().forEach(symbol -> owners.put(symbol, other.id)));
        List<FieldViolation> taken = new ArrayList<>();
        if (owners.containsKey(entity.ticker())) {
            taken.add(new FieldViolation(
                    "entity.ticker",
                    "entity " + entity.id() + ": " + entity.ticker() + " already names entity "
                            + owners.get(entity.ticker())));
        }
        for (int i = 0; i < entity.listings().size(); i++) {
            String listing = entity.listings().get(i);
            if (owners.containsKey(listing)) {
                taken.add(new FieldViolation(
                        "entity.listings[" + i + "]",
                        "entity " + entity.id() + ": " + listing + " already names entity " + owners.get(listing)));
            }
        }
        if (!taken.isEmpty()) {
            throw new InvalidRequestException(taken);
        }
    }
}
