package dev.capflow.exposure.service;

import dev.capflow.exposure.domain.AmountChoice;
import dev.capflow.exposure.domain.GraphEdge;
import dev.capflow.exposure.domain.GraphEntity;
import dev.capflow.exposure.domain.PreconditionException;
import dev.capflow.exposure.engine.Edge;
import dev.capflow.exposure.engine.FundingGraph;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The engine's view of the stored graph: entities in id order (index = position) and the edges between them, with the
 * way back from engine indexes and edge ids to the stored entities and edges.
 */
public final class GraphModel {

    private final FundingGraph graph;
    private final List<GraphEntity> entities;
    private final Map<String, GraphEdge> edgesById;

    private GraphModel(FundingGraph graph, List<GraphEntity> entities, Map<String, GraphEdge> edgesById) {
        this.graph = graph;
        this.entities = entities;
        this.edgesById = edgesById;
    }

    /**
     * The graph of {@code edges} (the edges of one snapshot) and the entities they join, plus {@code alsoIncluded} (a
     * target or shocked entities), all among {@code known}, with the {@code amounts} figure of every amount. Entities
     * that no edge touches are left out: nothing can flow to or from them.
     */
    public static GraphModel of(
            Map<String, GraphEntity> known,
            List<GraphEdge> edges,
            Collection<String> alsoIncluded,
            AmountChoice amounts) {
        TreeSet<String> ids = new TreeSet<>(alsoIncluded);
        edges.forEach(e -> {
            ids.add(e.from());
            ids.add(e.to());
        });
        List<String> missing = ids.stream().filter(id -> !known.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new PreconditionException(missing.stream()
                    .map(id -> new PreconditionException.Violation(
                            "ENTITY", id, "an edge of this date joins " + id + ", which does not hold on it"))
                    .toList());
        }
        return of(ids.stream().map(known::get).toList(), edges, amounts);
    }

    /**
     * The graph of exactly these entities and edges (every edge must join two of them), with the {@code amounts}
     * figure of every amount: the one place where LOW, BASE or HIGH is chosen for every model. Raises the engine's
     * GraphException.
     */
    public static GraphModel of(List<GraphEntity> entities, List<GraphEdge> edges, AmountChoice amounts) {
        List<String> ids = entities.stream().map(GraphEntity::id).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        List<Edge> engineEdges = new ArrayList<>(edges.size());
        Map<String, GraphEdge> byId = new HashMap<>();
        for (GraphEdge edge : edges) {
            engineEdges.add(new Edge(
                    edge.id(),
                    index.getOrDefault(edge.from(), -1),
                    index.getOrDefault(edge.to(), -1),
                    edge.kind(),
                    amounts.of(edge),
                    edge.share()));
            byId.put(edge.id(), edge);
        }
        return new GraphModel(FundingGraph.of(ids, engineEdges), List.copyOf(entities), byId);
    }

    /** The dates on which the valid timeline of {@code edges} changes: the graph is the same between two of them. */
    public static SortedSet<LocalDate> datesOfChange(List<GraphEdge> edges) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        edges.forEach(edge -> {
            dates.add(edge.asOf());
            if (edge.validTo() != null) {
                dates.add(edge.validTo());
            }
        });
        return dates;
    }

    public FundingGraph graph() {
        return graph;
    }

    /** The entities in index order. */
    public List<GraphEntity> entities() {
        return entities;
    }

    public GraphEntity entity(int index) {
        return entities.get(index);
    }

    /** The stored edge behind an engine edge. */
    public GraphEdge edge(Edge engineEdge) {
        return edgesById.get(engineEdge.id());
    }
}
