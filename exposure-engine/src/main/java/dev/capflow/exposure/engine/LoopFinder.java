package dev.capflow.exposure.engine;

/**
 * Money loops: the elementary directed cycles of the cash-flow graph (INVESTMENT and PURCHASE edges, parallel edges
 * merged into one arc), found by Johnson's algorithm over strongly connected components with length-bounded blocking
 * ({@link CycleSearch}), and each entity's circular share of its inflow.
 */
public final class LoopFinder {

    private LoopFinder() {
    }

    /**
     * The elementary loops matching {@code query}, and every entity's circular share. With a limit, the search stops
     * at the first {@code limit} loops it finds (sorted afterwards) and reports {@code truncated} if there were more.
     */
    public static LoopSearch find(FundingGraph graph, LoopQuery query) {
        CashArcs arcs = CashArcs.of(graph);
        LoopCollector collector = new LoopCollector(graph, arcs, query.limit());
        // a loop kept under minUsd > 0 has every arc known and >= minUsd, so the other arcs can be dropped up front
        new CycleSearch(arcs.adjacency(query.minUsd())).run(query.maxLength(), collector);
        return new LoopSearch(collector.sortedLoops(), collector.truncated(), circularShare(arcs));
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
     * Known inflow on arcs inside a strongly connected component / all known inflow. An arc lies on some cycle exactly
     * when both its ends are in the same component, so this needs no enumeration.
     */
    private static double[] circularShare(CashArcs arcs) {
        int[] component = StrongComponents.componentIds(arcs.adjacency(0));
        double[] circular = new double[arcs.vertices];
        double[] inflow = new double[arcs.vertices];
        for (int a = 0; a < arcs.count(); a++) {
            double amount = arcs.amount[a];
            if (!Double.isNaN(amount)) {
                inflow[arcs.to[a]] += amount;
                if (component[arcs.from[a]] == component[arcs.to[a]]) {
                    circular[arcs.to[a]] += amount;
                }
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
