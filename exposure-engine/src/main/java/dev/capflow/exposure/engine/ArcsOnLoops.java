package dev.capflow.exposure.engine;

import java.util.Arrays;

/**
 * Which arcs of an adjacency lie on some elementary cycle of at most {@code maxLength} arcs (0 = any length), without
 * enumerating cycles. An arc u -> v lies on such a cycle exactly when v reaches u in at most {@code maxLength - 1} arcs
 * (a shortest path is simple and cannot pass through v again, so closing it with u -> v gives an elementary cycle);
 * without a bound, exactly when u and v share a strongly connected component. Bounded, it costs one breadth-first
 * search per vertex, inside that vertex's component.
 */
final class ArcsOnLoops {

    private ArcsOnLoops() {}

    /** By position in {@code adjacency}: whether that arc lies on a cycle of at most {@code maxLength} arcs. */
    static boolean[] find(Adjacency adjacency, int maxLength) {
        int[] component = StrongComponents.componentIds(adjacency);
        int[] source = sources(adjacency);
        boolean[] onLoop = new boolean[adjacency.positions()];
        if (maxLength == 0) {
            for (int p = 0; p < onLoop.length; p++) {
                onLoop[p] = component[source[p]] == component[adjacency.target()[p]];
            }
            return onLoop;
        }
        int[][] into = arcsInto(adjacency, source, component);
        int[] distance = new int[adjacency.vertices()];
        Arrays.fill(distance, -1);
        int[] queue = new int[adjacency.vertices()];
        for (int v = 0; v < adjacency.vertices(); v++) {
            if (into[v].length == 0) {
                continue;
            }
            int reached = search(adjacency, component, v, maxLength - 1, distance, queue);
            for (int p : into[v]) {
                int u = source[p];
                onLoop[p] = distance[u] >= 0 && distance[u] <= maxLength - 1;
            }
            for (int k = 0; k < reached; k++) {
                distance[queue[k]] = -1;
            }
        }
        return onLoop;
    }

    /** Breadth-first from {@code from} within its component up to {@code depth} arcs; returns how many vertices it reached (in {@code queue}). */
    private static int search(Adjacency adjacency, int[] component, int from, int depth, int[] distance, int[] queue) {
        int head = 0;
        int tail = 0;
        queue[tail++] = from;
        distance[from] = 0;
        while (head < tail) {
            int u = queue[head++];
            if (distance[u] == depth) {
                continue;
            }
            for (int p = adjacency.start()[u]; p < adjacency.start()[u + 1]; p++) {
                int w = adjacency.target()[p];
                if (distance[w] < 0 && component[w] == component[from]) {
                    distance[w] = distance[u] + 1;
                    queue[tail++] = w;
                }
            }
        }
        return tail;
    }

    private static int[] sources(Adjacency adjacency) {
        int[] source = new int[adjacency.positions()];
        for (int u = 0; u < adjacency.vertices(); u++) {
            Arrays.fill(source, adjacency.start()[u], adjacency.start()[u + 1], u);
        }
        return source;
    }

    /** For each vertex v, the positions of the arcs u -> v inside v's component. */
    private static int[][] arcsInto(Adjacency adjacency, int[] source, int[] component) {
        int[] count = new int[adjacency.vertices()];
        for (int p = 0; p < source.length; p++) {
            int v = adjacency.target()[p];
            if (component[source[p]] == component[v]) {
                count[v]++;
            }
        }
        int[][] into = new int[adjacency.vertices()][];
        for (int v = 0; v < into.length; v++) {
            into[v] = new int[count[v]];
            count[v] = 0;
        }
        for (int p = 0; p < source.length; p++) {
            int v = adjacency.target()[p];
            if (component[source[p]] == component[v]) {
                into[v][count[v]++] = p;
            }
        }
        return into;
    }
}
