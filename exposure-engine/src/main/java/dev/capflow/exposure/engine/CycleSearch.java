package dev.capflow.exposure.engine;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Enumerates the elementary cycles of a directed graph without self-loops, each exactly once, starting at its smallest
 * vertex. Strongly connected components first (Tarjan); in each component, every cycle through its smallest vertex s is
 * found, then s is removed and the rest split into components again. The search from s is Johnson's, with the
 * length-bounded blocking of Gupta and Suzumura (2021): {@code lock[v]} is the largest path length at which v may
 * still be appended, lowered when v is appended and raised again when v is found to reach s in {@code bl} arcs.
 * Without a bound the component size is the bound, which no elementary cycle exceeds.
 */
final class CycleSearch {

    private final Adjacency adjacency;
    private final StrongComponents components;
    private final int[] inStart;
    private final int[] inSource;
    private final int[] inPosition;

    private final int[] member;
    private final int[] lock;
    private final boolean[] onPath;
    private final int[] blocked;
    private final int[] path;
    private final int[] pathArc;
    private final int[] next;
    private final int[] reach;
    private int[] relaxVertex = new int[64];
    private int[] relaxDistance = new int[64];
    private int stamp;
    private int search;

    CycleSearch(Adjacency adjacency) {
        int n = adjacency.vertices();
        this.adjacency = adjacency;
        this.components = new StrongComponents(adjacency);
        this.inStart = new int[n + 1];
        this.inSource = new int[adjacency.positions()];
        this.inPosition = new int[adjacency.positions()];
        indexInArcs();
        this.member = new int[n];
        this.lock = new int[n];
        this.onPath = new boolean[n];
        this.blocked = new int[adjacency.positions()];
        this.path = new int[n];
        this.pathArc = new int[n];
        this.next = new int[n];
        this.reach = new int[n];
    }

    /** Visits every elementary cycle of at most {@code maxLength} arcs (0 = no bound) until the visitor says stop. */
    void run(int maxLength, CycleVisitor visitor) {
        int n = adjacency.vertices();
        int[] all = new int[n];
        for (int v = 0; v < n; v++) {
            all[v] = v;
        }
        Deque<int[]> pending = new ArrayDeque<>(components.find(all, member, 0, 2));
        while (!pending.isEmpty()) {
            int[] component = pending.pop();
            int start = mark(component, -1);
            int bound = maxLength == 0 ? component.length : Math.min(maxLength, component.length);
            if (!searchFrom(start, component, bound, visitor)) {
                return;
            }
            mark(component, start);
            for (int[] rest : components.find(without(component, start), member, stamp, 2)) {
                pending.push(rest);
            }
        }
    }

    /** Marks the component's vertices but {@code excluded} with a fresh stamp; returns the smallest vertex. */
    private int mark(int[] component, int excluded) {
        stamp++;
        int smallest = Integer.MAX_VALUE;
        for (int v : component) {
            if (v != excluded) {
                member[v] = stamp;
                smallest = Math.min(smallest, v);
            }
        }
        return smallest;
    }

    private static int[] without(int[] component, int removed) {
        int[] rest = new int[component.length - 1];
        int k = 0;
        for (int v : component) {
            if (v != removed) {
                rest[k++] = v;
            }
        }
        return rest;
    }

    /** Every cycle through {@code start} of at most {@code bound} arcs within the marked component; false if stopped. */
    private boolean searchFrom(int start, int[] component, int bound, CycleVisitor visitor) {
        search++;
        for (int v : component) {
            lock[v] = bound;
        }
        int[] adjacencyStart = adjacency.start();
        int[] target = adjacency.target();
        int[] arc = adjacency.arc();
        int depth = 0;
        path[0] = start;
        onPath[start] = true;
        lock[start] = 0;
        next[0] = adjacencyStart[start];
        reach[0] = bound;
        while (depth >= 0) {
            int v = path[depth];
            int p = next[depth];
            int end = adjacencyStart[v + 1];
            boolean descended = false;
            for (; p < end; p++) {
                int w = target[p];
                if (member[w] != stamp) {
                    continue;
                }
                if (w == start) {
                    pathArc[depth] = arc[p];
                    if (!visitor.visit(path, pathArc, depth + 1)) {
                        clearPath(depth);
                        return false;
                    }
                    reach[depth] = 1;
                } else if (depth + 1 < lock[w]) {
                    pathArc[depth] = arc[p];
                    next[depth] = p + 1;
                    depth++;
                    path[depth] = w;
                    onPath[w] = true;
                    lock[w] = depth + 1;
                    next[depth] = adjacencyStart[w];
                    reach[depth] = bound;
                    descended = true;
                    break;
                }
            }
            if (descended) {
                continue;
            }
            onPath[v] = false;
            int distance = reach[depth];
            depth--;
            if (depth >= 0) {
                reach[depth] = Math.min(reach[depth], distance);
            }
            if (distance < bound) {
                relax(v, distance, bound);
            } else {
                for (int q = adjacencyStart[v]; q < adjacencyStart[v + 1]; q++) {
                    if (member[target[q]] == stamp) {
                        blocked[q] = search;
                    }
                }
            }
        }
        return true;
    }

    /** v reaches the start in {@code distance} arcs: unlock it, and the vertices blocked behind it, accordingly. */
    private void relax(int v, int distance, int bound) {
        int size = 0;
        relaxVertex[size] = v;
        relaxDistance[size++] = distance;
        while (size > 0) {
            int u = relaxVertex[--size];
            int d = relaxDistance[size];
            if (lock[u] >= bound - d + 1) {
                continue;
            }
            lock[u] = bound - d + 1;
            for (int k = inStart[u]; k < inStart[u + 1]; k++) {
                int x = inSource[k];
                if (blocked[inPosition[k]] == search && member[x] == stamp && !onPath[x]) {
                    if (size == relaxVertex.length) {
                        relaxVertex = Arrays.copyOf(relaxVertex, size * 2);
                        relaxDistance = Arrays.copyOf(relaxDistance, size * 2);
                    }
                    relaxVertex[size] = x;
                    relaxDistance[size++] = d + 1;
                }
            }
        }
    }

    private void clearPath(int depth) {
        for (int k = 0; k <= depth; k++) {
            onPath[path[k]] = false;
        }
    }

    private void indexInArcs() {
        int[] start = adjacency.start();
        int[] target = adjacency.target();
        for (int p = 0; p < target.length; p++) {
            inStart[target[p] + 1]++;
        }
        for (int v = 0; v < adjacency.vertices(); v++) {
            inStart[v + 1] += inStart[v];
        }
        int[] fill = Arrays.copyOf(inStart, adjacency.vertices());
        for (int v = 0; v < adjacency.vertices(); v++) {
            for (int p = start[v]; p < start[v + 1]; p++) {
                int k = fill[target[p]]++;
                inSource[k] = v;
                inPosition[k] = p;
            }
        }
    }
}
