package dev.capflow.exposure.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.capflow.exposure.domain.AmountChoice;
import dev.capflow.exposure.domain.GraphEdge;
import dev.capflow.exposure.domain.GraphEntity;
import dev.capflow.exposure.engine.GraphException;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;

/**
 * The rules over the whole graph, checked on the graph as it would be after a write: both ends of every edge are known
 * entities, and the engine accepts the graph (in particular the shares held in one entity sum to less than 1).
 */
final class GraphRules {

    /** The engine's field names and their request spelling. */
    private static final Map<String, String> FIELDS = Map.of("edge.id", "id", "edge.from", "from", "edge.to", "to",
            "edge.share", "share", "edge.amountUsd", "amount_usd");

    private GraphRules() {
    }

    /**
     * Fails with an {@link InvalidRequestException} naming fields under {@code prefix} unless {@code written} joins two
     * of {@code entities} and {@code edges} (which include it) form a valid graph.
     */
    static void check(List<GraphEntity> entities, List<GraphEdge> edges, GraphEdge written, String prefix) {
        Set<String> known = entities.stream().map(GraphEntity::id).collect(Collectors.toSet());
        List<FieldViolation> unknown = new ArrayList<>();
        if (!known.contains(written.from())) {
            unknown.add(new FieldViolation(prefix + "from", "edge " + written.id() + ": unknown entity " + written.from()));
        }
        if (!known.contains(written.to())) {
            unknown.add(new FieldViolation(prefix + "to", "edge " + written.id() + ": unknown entity " + written.to()));
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(unknown);
        }
        try {
            GraphModel.of(entities, edges, AmountChoice.BASE);
        } catch (GraphException e) {
            throw new InvalidRequestException(prefix + FIELDS.getOrDefault(e.field(), e.field()), describe(e));
        }
    }

    /** The engine's reason, naming its subject unless the reason already does. */
    static String describe(GraphException e) {
        return e.reason().contains(e.subject()) ? e.reason() : e.subject() + ": " + e.reason();
    }
}
