package dev.capflow.exposure.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Tarjan's strongly connected components, iterative, over the vertices v with {@code member[v] == stamp}. */
final class StrongComponents {

    private final Adjacency adjacency;
    private final int[] index;
    private final int[] low;
    private final int[] next;
    private final boolean[] onStack;
    private final int[] stack;
    private final int[] callStack;

    StrongComponents(Adjacency adjacency) {
        int n = adjacency.vertices();
        this.adjacency = adjacency;
        this.index = new int[n];
        this.low = new int[n];
        this.next = new int[n];
        this.onStack = new boolean[n];
        this.stack = new int[n];
        this.callStack = new int[n];
    }

    /** Every vertex's component id (ids are arbitrary but distinct per component), over the whole graph. */
    static int[] componentIds(Adjacency adjacency) {
        int n = adjacency.vertices();
        int[] member = new int[n];
        int[] all = new int[n];
        for (int v = 0; v < n; v++) {
            all[v] = v;
        }
        int[] ids = new int[n];
        List<int[]> components = new StrongComponents(adjacency).find(all, member, 0, 1);
        for (int c = 0; c < components.size(); c++) {
            for (int v : components.get(c)) {
                ids[v] = c;
            }
        }
        return ids;
    }

    /** The components with at least {@code minSize} vertices among {@code vertices}, all of which have {@code member[v] == stamp}. */
    List<int[]> find(int[] vertices, int[] member, int stamp, int minSize) {
        List<int[]> components = new ArrayList<>();
        for (int v : vertices) {
            index[v] = -1;
        }
        int counter = 0;
        int stackSize = 0;
        for (int root : vertices) {
            if (index[root] != -1) {
                continue;
            }
            int calls = 0;
            counter = visit(root, counter, stackSize++);
            callStack[calls++] = root;
            while (calls > 0) {
                int v = callStack[calls - 1];
                if (next[v] < adjacency.start()[v + 1]) {
                    int w = adjacency.target()[next[v]++];
                    if (member[w] != stamp) {
                        continue;
                    }
                    if (index[w] == -1) {
                        counter = visit(w, counter, stackSize++);
                        callStack[calls++] = w;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                calls--;
                if (calls > 0) {
                    int parent = callStack[calls - 1];
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == index[v]) {
                    int top = stackSize;
                    do {
                        onStack[stack[--stackSize]] = false;
                    } while (stack[stackSize] != v);
                    if (top - stackSize >= minSize) {
                        components.add(Arrays.copyOfRange(stack, stackSize, top));
                    }
                }
            }
        }
        return components;
    }

    private int visit(int v, int counter, int stackPosition) {
        index[v] = counter;
        low[v] = counter;
        next[v] = adjacency.start()[v];
        onStack[v] = true;
        stack[stackPosition] = v;
        return counter + 1;
    }
}
