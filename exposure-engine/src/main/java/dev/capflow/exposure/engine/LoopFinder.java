package dev.capflow.exposure.engine;

/**
 * Money loops: the elementary directed cycles of the cash-flow graph (INVESTMENT and PURCHASE edges, parallel edges
 * merged into one arc), found by Johnson's algorithm over strongly connected components with length-bounded blocking
 * ({@link CycleSearch}), and each entity's circular share of its inflow.
 */
public final class LoopFinder {

    private LoopFinder() {}

    /**
     * The elementary loops matching {@code query}, and every entity's circular share under the same query. With a limit, the search stops
     * at the first {@code limit} loops it finds (sorted afterwards) and reports {@code truncated} if there were more.
     */
    public static LoopSearch find(FundingGraph graph, LoopQuery query) {
        CashArcs arcs = CashArcs.of(graph);
        LoopCollector collector = new LoopCollector(graph, arcs, query.limit());
        // a loop kept under minUsd > 0 has every arc known and >= minUsd, so the other arcs can be dropped up front
        Adjacency kept = arcs.adjacency(query.minUsd());
        new CycleSearch(kept).run(query.maxLength(), collector);
        return new LoopSearch(
                collector.sortedLoops(), collector.truncated(), circularShare(arcs, kept, query.maxLength()));
    }

    /** The number of elementary loops of at most {@code maxLength} arcs (0 = no bound), without building them. */
    public static long count(FundingGraph graph, int maxLength) {
        if (maxLength < 0) {
            throw new GraphException("maxLength", "query", "must be >= 0 (0 = no bound), got " + maxLength);
        }
        LoopCounter counter = new LoopCounter();
        new CycleSearch(CashArcs.of(graph).adjacency(0)).run(maxLength, counter);
        return counter.count;
    }

    /**
     * Known inflow on arcs that lie on some loop the query keeps (known amount >= minUsd when minUsd > 0, at most
     * maxLength arcs) / all known inflow. The limit does not change it: it truncates the listing, not the graph.
     */
    private static double[] circularShare(CashArcs arcs, Adjacency kept, int maxLength) {
        boolean[] onLoop = ArcsOnLoops.find(kept, maxLength);
        double[] circular = new double[arcs.vertices];
        double[] inflow = new double[arcs.vertices];
        for (int a = 0; a < arcs.count(); a++) {
            if (!Double.isNaN(arcs.amount[a])) {
                inflow[arcs.to[a]] += arcs.amount[a];
            }
        }
        for (int p = 0; p < kept.positions(); p++) {
            int a = kept.arc()[p];
            if (onLoop[p] && !Double.isNaN(arcs.amount[a])) {
                circular[arcs.to[a]] += arcs.amount[a];
            }
        }
        for (int v = 0; v < arcs.vertices; v++) {
            circular[v] = inflow[v] > 0 ? circular[v] / inflow[v] : 0;
        }
        return circular;
    }

    private static final class LoopCounter implements CycleVisitor {
        long count;

        @Override
        public boolean visit(int[] vertices, int[] arcs, int length) {
            count++;
            return true;
        }
    }
}
