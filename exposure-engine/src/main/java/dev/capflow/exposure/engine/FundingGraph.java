package dev.capflow.exposure.engine;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entities (by index, {@code 0..size()-1}) and the edges between them, validated once on construction: every edge joins
 * two different known entities, shares lie in [0, 1], amounts are not negative, and the shares held in any one entity
 * sum to less than 1 (some outside owner is left, so {@code I - S} is invertible). Immutable and thread-safe.
 */
public final class FundingGraph {

    private final List<String> entityIds;
    private final Map<String, Integer> indexes;
    private final List<Edge> edges;
    private final SparseRows equity;

    private FundingGraph(List<String> entityIds, Map<String, Integer> indexes, List<Edge> edges) {
        this.entityIds = entityIds;
        this.indexes = indexes;
        this.edges = edges;
        this.equity = SparseRows.equity(entityIds.size(), edges);
    }

    /** The graph of {@code entityIds} (index = position) and {@code edges}; bad input raises a {@link GraphException}. */
    public static FundingGraph of(List<String> entityIds, List<Edge> edges) {
        List<String> ids = List.copyOf(entityIds);
        Map<String, Integer> indexes = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            if (indexes.putIfAbsent(ids.get(i), i) != null) {
                throw new GraphException("entityIds", ids.get(i), "the entity is listed twice");
            }
        }
        List<Edge> copy = List.copyOf(edges);
        // exact decimal sums: 0.7 + 0.2 + 0.1 is 1 in any order, where doubles give 0.9999999999999999 or
        // 1.0000000000000002
        BigDecimal[] heldShares = new BigDecimal[ids.size()];
        Arrays.fill(heldShares, BigDecimal.ZERO);
        Set<String> edgeIds = new HashSet<>(copy.size() * 2);
        for (Edge edge : copy) {
            checkEdge(edge, ids.size(), edgeIds);
            if (edge.kind() == EdgeKind.EQUITY) {
                heldShares[edge.to()] = heldShares[edge.to()].add(
                        BigDecimal.valueOf(edge.share().getAsDouble()));
            }
        }
        for (int j = 0; j < heldShares.length; j++) {
            if (heldShares[j].compareTo(BigDecimal.ONE) >= 0) {
                throw new GraphException(
                        "edge.share",
                        ids.get(j),
                        "the shares held in " + ids.get(j) + " sum to "
                                + heldShares[j].stripTrailingZeros().toPlainString()
                                + " >= 1, which leaves no outside owners");
            }
        }
        return new FundingGraph(ids, indexes, copy);
    }

    /** The number of entities. */
    public int size() {
        return entityIds.size();
    }

    /** The id of the entity at {@code index}. */
    public String entityId(int index) {
        return entityIds.get(index);
    }

    /** The index of the entity {@code id}, or -1 if the graph has no such entity. */
    public int indexOf(String id) {
        Integer index = indexes.get(id);
        return index == null ? -1 : index;
    }

    /** The entity ids in index order. */
    public List<String> entityIds() {
        return entityIds;
    }

    /** The edges in the order given. */
    public List<Edge> edges() {
        return edges;
    }

    /** {@code S[i][j]}, the summed EQUITY shares i holds in j, by rows. */
    SparseRows equity() {
        return equity;
    }

    private static void checkEdge(Edge edge, int size, Set<String> edgeIds) {
        String id = edge.id();
        if (!edgeIds.add(id)) {
            throw new GraphException("edge.id", id, "the edge id is used twice");
        }
        if (edge.from() < 0 || edge.from() >= size) {
            throw new GraphException("edge.from", id, "unknown entity (index " + edge.from() + " of " + size + ")");
        }
        if (edge.to() < 0 || edge.to() >= size) {
            throw new GraphException("edge.to", id, "unknown entity (index " + edge.to() + " of " + size + ")");
        }
        if (edge.from() == edge.to()) {
            throw new GraphException("edge.to", id, "an edge cannot join an entity to itself");
        }
        if (edge.share().isPresent()) {
            double share = edge.share().getAsDouble();
            if (!(share >= 0 && share <= 1)) {
                throw new GraphException("edge.share", id, "a share must be a fraction in [0, 1], got " + share);
            }
        } else if (edge.kind() == EdgeKind.EQUITY) {
            throw new GraphException("edge.share", id, "an EQUITY edge needs a share");
        }
        if (edge.amountUsd().isPresent()) {
            double amount = edge.amountUsd().getAsDouble();
            if (!(amount >= 0 && amount < Double.POSITIVE_INFINITY)) {
                throw new GraphException("edge.amountUsd", id, "an amount must be a finite number >= 0, got " + amount);
            }
        }
    }
}
