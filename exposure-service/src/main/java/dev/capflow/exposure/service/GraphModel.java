package dev.capflow.exposure.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.capflow.exposure.domain.GraphEdge;
import dev.capflow.exposure.domain.GraphEntity;
import dev.capflow.exposure.engine.Edge;
import dev.capflow.exposure.engine.FundingGraph;

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
     * The graph of the edges announced by {@code asOf} (null: every edge) and the entities they join, plus
     * {@code alsoIncluded} (a target or shocked entities, which must be among {@code known}). Entities that no visible
     * edge touches are left out: nothing can flow to or from them.
     */
    public static GraphModel asOf(Map<String, GraphEntity> known, List<GraphEdge> edges, LocalDate asOf,
            Collection<String> alsoIncluded) {
        List<GraphEdge> visible = edges.stream().filter(e -> e.announcedBy(asOf)).toList();
        TreeSet<String> ids = new TreeSet<>(alsoIncluded);
        visible.forEach(e -> {
            ids.add(e.from());
            ids.add(e.to());
        });
        List<GraphEntity> entities = ids.stream().map(known::get).toList();
        return of(entities, visible);
    }

    /** The graph of exactly these entities and edges (every edge must join two of them); raises the engine's GraphException. */
    public static GraphModel of(List<GraphEntity> entities, List<GraphEdge> edges) {
        List<String> ids = entities.stream().map(GraphEntity::id).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        List<Edge> engineEdges = new ArrayList<>(edges.size());
        Map<String, GraphEdge> byId = new HashMap<>();
        for (GraphEdge edge : edges) {
            engineEdges.add(new Edge(edge.id(), index.getOrDefault(edge.from(), -1), index.getOrDefault(edge.to(), -1),
                    edge.kind(), edge.amountUsd(), edge.share()));
            byId.put(edge.id(), edge);
        }
        return new GraphModel(FundingGraph.of(ids, engineEdges), List.copyOf(entities), byId);
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
