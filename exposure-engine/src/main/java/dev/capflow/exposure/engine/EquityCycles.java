package dev.capflow.exposure.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds equity cycles that make {@code I - S} nearly singular. Through cycles an entity comes to own part of itself:
 * its look-through stake in itself is {@code (I - S)^-1[i][i] - 1}. Above {@value #MAX_SELF_STAKE} of its own value the
 * cycle amplifies every figure built on {@code (I - S)^-1} (look-through stakes, cross-holdings revaluations) past what
 * the shares mean: A and B owning 0.99 of each other give each a stake of 4,975% in the other.
 */
public final class EquityCycles {

    /** The largest look-through stake an entity may hold in itself (A and B owning 0.7 of each other reach 0.96). */
    public static final double MAX_SELF_STAKE = 1.0;
    /** The most edge ids a finding names. */
    static final int MAX_NAMED_EDGES = 20;

    /** The worst entity of an ill-conditioned cycle, its self-stake, and the EQUITY edges of its cycle (at most 20). */
    public record IllConditioned(String entityId, double selfStake, List<String> edgeIds, int edgeCount) {}

    private EquityCycles() {}

    /**
     * Whether each entity's primary value {@code P_i = E_i - sum_j S[i][j] E_j} is not positive at {@code values}: the
     * stakes it holds are worth at least as much as its own mark, which the cross-holdings model cannot scale.
     */
    public static boolean[] markedBelowStakes(FundingGraph graph, double[] values) {
        Inputs.values("values", values, graph.size(), graph::entityId);
        boolean[] below = new boolean[graph.size()];
        for (int i = 0; i < graph.size(); i++) {
            below[i] = !(CrossHoldings.primaryValue(graph.equity(), values, i) > 0);
        }
        return below;
    }

    /** The ids of the EQUITY edges {@code entity} holds, at most {@value #MAX_NAMED_EDGES}. */
    public static List<String> stakesHeldBy(FundingGraph graph, int entity) {
        return graph.edges().stream()
                .filter(e -> e.kind() == EdgeKind.EQUITY && e.from() == entity)
                .limit(MAX_NAMED_EDGES)
                .map(Edge::id)
                .toList();
    }

    /** The entity with the largest self-stake above {@link #MAX_SELF_STAKE}, or empty when every cycle is within it. */
    public static Optional<IllConditioned> worst(FundingGraph graph) {
        SparseRows s = graph.equity();
        int n = s.size();
        int[] arcs = new int[s.column().length];
        for (int k = 0; k < arcs.length; k++) {
            arcs[k] = k;
        }
        int[] component = StrongComponents.componentIds(new Adjacency(n, s.start(), s.column(), arcs));
        int[] sizes = new int[n];
        for (int v = 0; v < n; v++) {
            sizes[component[v]]++;
        }
        IllConditioned worst = null;
        boolean[] done = new boolean[n];
        for (int v = 0; v < n; v++) {
            int c = component[v];
            if (sizes[c] < 2 || done[c]) {
                continue;
            }
            done[c] = true;
            IllConditioned found = worstIn(graph, s, component, c);
            if (found != null && (worst == null || found.selfStake() > worst.selfStake())) {
                worst = found;
            }
        }
        return Optional.ofNullable(worst);
    }

    /** The worst self-stake in component {@code c} if above the bound, else null. */
    private static IllConditioned worstIn(FundingGraph graph, SparseRows s, int[] component, int c) {
        List<Integer> members = new ArrayList<>();
        int[] local = new int[s.size()];
        for (int v = 0; v < s.size(); v++) {
            local[v] = -1;
            if (component[v] == c) {
                local[v] = members.size();
                members.add(v);
            }
        }
        List<Edge> inside = new ArrayList<>();
        for (Edge edge : graph.edges()) {
            if (edge.kind() == EdgeKind.EQUITY && local[edge.from()] >= 0 && local[edge.to()] >= 0) {
                inside.add(Edge.equity(
                        edge.id(),
                        local[edge.from()],
                        local[edge.to()],
                        edge.share().getAsDouble()));
            }
        }
        EquitySystem system = EquitySystem.of(SparseRows.equity(members.size(), inside));
        int worst = -1;
        double worstStake = MAX_SELF_STAKE;
        for (int i = 0; i < members.size(); i++) {
            double[] unit = new double[members.size()];
            unit[i] = 1;
            double selfStake = system.solve(unit)[i] - 1;
            // a non-finite or negative self-stake means I - S is singular to working precision: the worst case
            if (!(selfStake >= 0 && selfStake < Double.POSITIVE_INFINITY)) {
                selfStake = Double.POSITIVE_INFINITY;
            }
            if (selfStake > worstStake) {
                worst = i;
                worstStake = selfStake;
            }
        }
        if (worst < 0) {
            return null;
        }
        List<String> named =
                inside.stream().limit(MAX_NAMED_EDGES).map(Edge::id).toList();
        return new IllConditioned(graph.entityId(members.get(worst)), worstStake, named, inside.size());
    }
}
