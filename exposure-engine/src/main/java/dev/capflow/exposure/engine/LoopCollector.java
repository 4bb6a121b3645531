package dev.capflow.exposure.engine;

import java.util.Arrays;
import java.util.List;

/**
 * Keeps the cycles a search visits, up to a limit, in flat int arrays, and notes whether the limit cut the search
 * short; {@link #sortedLoops()} orders them on those arrays, resolves their edges into another flat array, and builds
 * one small {@link Loop} per cycle over them.
 */
final class LoopCollector implements CycleVisitor {

    private final List<Edge> edges;
    private final CashArcs arcs;
    private final int limit;
    private int count;
    private int[] offset = new int[1024];
    private int[] vertices = new int[4096];
    private int[] arcIds = new int[4096];
    private double[] bottleneck = new double[1024];
    private boolean truncated;

    LoopCollector(FundingGraph graph, CashArcs arcs, int limit) {
        this.edges = graph.edges();
        this.arcs = arcs;
        this.limit = limit;
    }

    @Override
    public boolean visit(int[] cycle, int[] cycleArcs, int length) {
        if (limit > 0 && count == limit) {
            truncated = true;
            return false;
        }
        if (count + 1 == offset.length) {
            offset = Arrays.copyOf(offset, offset.length * 2);
            bottleneck = Arrays.copyOf(bottleneck, offset.length);
        }
        int at = offset[count];
        if (at + length > vertices.length) {
            vertices = Arrays.copyOf(vertices, Math.max(vertices.length * 2, at + length));
            arcIds = Arrays.copyOf(arcIds, vertices.length);
        }
        System.arraycopy(cycle, 0, vertices, at, length);
        System.arraycopy(cycleArcs, 0, arcIds, at, length);
        double smallest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < length; k++) {
            // an unknown (NaN) arc amount makes the bottleneck unknown: Math.min propagates NaN
            smallest = Math.min(smallest, arcs.amount[cycleArcs[k]]);
        }
        bottleneck[count] = smallest;
        offset[++count] = at + length;
        return true;
    }

    boolean truncated() {
        return truncated;
    }

    /** The loops in order, their entities and edges in a {@link LoopStore} over this collector's arrays. */
    List<Loop> sortedLoops() {
        int[] edgeStart = new int[count + 1];
        for (int c = 0; c < count; c++) {
            int edgeCount = 0;
            for (int k = offset[c]; k < offset[c + 1]; k++) {
                edgeCount += arcs.edgeStart[arcIds[k] + 1] - arcs.edgeStart[arcIds[k]];
            }
            edgeStart[c + 1] = edgeStart[c] + edgeCount;
        }
        int[] edgeIndex = new int[edgeStart[count]];
        double[] total = new double[count];
        int next = 0;
        for (int c = 0; c < count; c++) {
            double sum = 0;
            for (int k = offset[c]; k < offset[c + 1]; k++) {
                int arc = arcIds[k];
                for (int e = arcs.edgeStart[arc]; e < arcs.edgeStart[arc + 1]; e++) {
                    edgeIndex[next++] = arcs.edgeIndex[e];
                }
                if (!Double.isNaN(arcs.amount[arc])) {
                    sum += arcs.amount[arc];
                }
            }
            total[c] = sum;
        }
        LoopStore store = new LoopStore(edges, offset, vertices, edgeStart, edgeIndex, bottleneck, total);
        Loop[] loops = new Loop[count];
        int rank = 0;
        for (int c : IndexSort.sorted(count, this::compare)) {
            loops[rank++] = new Loop(store, c);
        }
        return Arrays.asList(loops);
    }

    private int compare(int a, int b) {
        double bottleneckA = Double.isNaN(bottleneck[a]) ? Double.NEGATIVE_INFINITY : bottleneck[a];
        double bottleneckB = Double.isNaN(bottleneck[b]) ? Double.NEGATIVE_INFINITY : bottleneck[b];
        int order = Double.compare(bottleneckB, bottleneckA);
        if (order != 0) {
            return order;
        }
        int lengthA = offset[a + 1] - offset[a];
        int lengthB = offset[b + 1] - offset[b];
        for (int k = 0; k < Math.min(lengthA, lengthB); k++) {
            order = Integer.compare(vertices[offset[a] + k], vertices[offset[b] + k]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(lengthA, lengthB);
    }
}
