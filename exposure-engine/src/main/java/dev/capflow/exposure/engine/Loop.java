package dev.capflow.exposure.engine;

import java.util.List;
import java.util.OptionalDouble;

/**
 * One elementary money loop: {@code entities} in cash-flow order, starting at the smallest index and closing back to it;
 * {@code edges} every INVESTMENT/PURCHASE edge along it, arc by arc (parallel edges of an arc together, in input order);
 * {@code bottleneckUsd} the smallest arc amount (empty if some arc has no known amount); {@code totalUsd} the sum of the
 * known arc amounts. An arc's amount is the sum of its edges' known amounts.
 */
public record Loop(List<Integer> entities, List<Edge> edges, OptionalDouble bottleneckUsd, double totalUsd) {

    public Loop {
        entities = List.copyOf(entities);
        edges = List.copyOf(edges);
    }

    /** The number of arcs (equal to the number of entities). */
    public int length() {
        return entities.size();
    }
}
