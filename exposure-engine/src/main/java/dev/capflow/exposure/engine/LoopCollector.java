package dev.capflow.exposure.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Keeps the cycles a search visits, up to a limit, in flat int arrays, and notes whether the limit cut the search
 * short; {@link #sortedLoops()} orders them on those arrays and only then builds the {@link Loop}s.
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

    List<Loop> sortedLoops() {
        Integer[] order = new Integer[count];
        for (int c = 0; c < count; c++) {
            order[c] = c;
        }
        Arrays.sort(order, this::compare);
        // one boxed index per entity, shared by every loop through it
        Integer[] boxed = new Integer[arcs.vertices];
        for (int v = 0; v < boxed.length; v++) {
            boxed[v] = v;
        }
        List<Loop> loops = new ArrayList<>(count);
        for (int c : order) {
            loops.add(build(c, boxed));
        }
        return loops;
    }

    private Loop build(int c, Integer[] boxed) {
        int from = offset[c];
        int length = offset[c + 1] - from;
        Integer[] entities = new Integer[length];
        int edgeCount = 0;
        for (int k = 0; k < length; k++) {
            int arc = arcIds[from + k];
            edgeCount += arcs.edgeStart[arc + 1] - arcs.edgeStart[arc];
        }
        Edge[] loopEdges = new Edge[edgeCount];
        int next = 0;
        double total = 0;
        for (int k = 0; k < length; k++) {
            entities[k] = boxed[vertices[from + k]];
            int arc = arcIds[from + k];
            for (int e = arcs.edgeStart[arc]; e < arcs.edgeStart[arc + 1]; e++) {
                loopEdges[next++] = edges.get(arcs.edgeIndex[e]);
            }
            double amount = arcs.amount[arc];
            if (!Double.isNaN(amount)) {
                total += amount;
            }
        }
        OptionalDouble smallest =
                Double.isNaN(bottleneck[c]) ? OptionalDouble.empty() : OptionalDouble.of(bottleneck[c]);
        return new Loop(List.of(entities), List.of(loopEdges), smallest, total);
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
