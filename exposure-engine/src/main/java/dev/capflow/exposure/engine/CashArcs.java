package dev.capflow.exposure.engine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The cash-flow graph (INVESTMENT and PURCHASE edges) with parallel edges u -> v merged into one arc whose amount is the
 * sum of their known amounts (NaN when none is known). Arcs are numbered in (from, to) order; arc a holds the edges
 * {@code edgeIndex[edgeStart[a] .. edgeStart[a+1])}, indexes into the graph's edge list, in input order.
 */
final class CashArcs {

    final int vertices;
    final int[] from;
    final int[] to;
    final double[] amount;
    final int[] edgeStart;
    final int[] edgeIndex;

    private CashArcs(int vertices, int[] from, int[] to, double[] amount, int[] edgeStart, int[] edgeIndex) {
        this.vertices = vertices;
        this.from = from;
        this.to = to;
        this.amount = amount;
        this.edgeStart = edgeStart;
        this.edgeIndex = edgeIndex;
    }

    static CashArcs of(FundingGraph graph) {
        List<Edge> edges = graph.edges();
        // cash edges ordered by (from, to), parallel edges in input order (the sort is stable)
        Integer[] cash = IntStream.range(0, edges.size())
                .filter(e -> edges.get(e).kind().carriesCash())
                .boxed()
                .toArray(Integer[]::new);
        Arrays.sort(
                cash,
                Comparator.comparingInt((Integer e) -> edges.get(e).from())
                        .thenComparingInt(e -> edges.get(e).to()));
        int[] from = new int[cash.length];
        int[] to = new int[cash.length];
        double[] amount = new double[cash.length];
        int[] edgeStart = new int[cash.length + 1];
        int[] edgeIndex = new int[cash.length];
        int arcs = 0;
        for (int k = 0; k < cash.length; k++) {
            Edge edge = edges.get(cash[k]);
            if (arcs == 0 || edge.from() != from[arcs - 1] || edge.to() != to[arcs - 1]) {
                from[arcs] = edge.from();
                to[arcs] = edge.to();
                amount[arcs] = Double.NaN;
                edgeStart[arcs] = k;
                arcs++;
            }
            edgeIndex[k] = cash[k];
            if (edge.amountUsd().isPresent()) {
                double known = edge.amountUsd().getAsDouble();
                amount[arcs - 1] = Double.isNaN(amount[arcs - 1]) ? known : amount[arcs - 1] + known;
            }
        }
        edgeStart[arcs] = cash.length;
        return new CashArcs(
                graph.size(),
                Arrays.copyOf(from, arcs),
                Arrays.copyOf(to, arcs),
                Arrays.copyOf(amount, arcs),
                Arrays.copyOf(edgeStart, arcs + 1),
                edgeIndex);
    }

    int count() {
        return from.length;
    }

    /** The arcs as adjacency lists; with {@code minUsd > 0} only arcs of known amount >= minUsd. */
    Adjacency adjacency(double minUsd) {
        int[] start = new int[vertices + 1];
        int kept = 0;
        for (int a = 0; a < count(); a++) {
            if (keeps(a, minUsd)) {
                start[from[a] + 1]++;
                kept++;
            }
        }
        for (int v = 0; v < vertices; v++) {
            start[v + 1] += start[v];
        }
        int[] target = new int[kept];
        int[] arc = new int[kept];
        int k = 0;
        // arcs are in (from, to) order, so each vertex's targets come out ascending and contiguous
        for (int a = 0; a < count(); a++) {
            if (keeps(a, minUsd)) {
                target[k] = to[a];
                arc[k++] = a;
            }
        }
        return new Adjacency(vertices, start, target, arc);
    }

    private boolean keeps(int arc, double minUsd) {
        return minUsd <= 0 || amount[arc] >= minUsd;
    }
}
