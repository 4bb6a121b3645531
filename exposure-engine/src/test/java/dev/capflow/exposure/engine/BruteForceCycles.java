package dev.capflow.exposure.engine;

import java.util.ArrayList;
import java.util.List;

/** All elementary cycles of the cash-flow graph by plain DFS from every start over larger vertices only (canonical rotation). */
final class BruteForceCycles {

    private BruteForceCycles() {}

    /** The cycles of at most {@code maxLength} arcs (0 = any), each starting at its smallest vertex. */
    static List<List<Integer>> of(FundingGraph graph, int maxLength) {
        int n = graph.size();
        boolean[][] arc = new boolean[n][n];
        for (Edge edge : graph.edges()) {
            if (edge.kind().carriesCash()) {
                arc[edge.from()][edge.to()] = true;
            }
        }
        int bound = maxLength == 0 ? n : maxLength;
        List<List<Integer>> cycles = new ArrayList<>();
        for (int start = 0; start < n; start++) {
            List<Integer> path = new ArrayList<>();
            path.add(start);
            extend(arc, start, path, bound, cycles);
        }
        return cycles;
    }

    private static void extend(boolean[][] arc, int start, List<Integer> path, int bound, List<List<Integer>> cycles) {
        int last = path.get(path.size() - 1);
        if (path.size() >= 2 && arc[last][start]) {
            cycles.add(List.copyOf(path));
        }
        if (path.size() == bound) {
            return;
        }
        for (int next = start + 1; next < arc.length; next++) {
            if (arc[last][next] && !path.contains(next)) {
                path.add(next);
                extend(arc, start, path, bound, cycles);
                path.remove(path.size() - 1);
            }
        }
    }
}
