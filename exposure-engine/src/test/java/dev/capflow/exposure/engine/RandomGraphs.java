package dev.capflow.exposure.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;

/** Seeded random funding graphs for property tests. */
final class RandomGraphs {

    private RandomGraphs() {}

    static List<String> ids(int n) {
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add("e" + i);
        }
        return ids;
    }

    /**
     * {@code n} entities; each ordered pair gets a cash edge with probability {@code density}, sometimes a second
     * (parallel) one; amounts are unknown one time in five; EQUITY and GUARANTEE edges are mixed in as noise.
     */
    static FundingGraph cash(long seed, int n, double density) {
        Random random = new Random(seed);
        List<Edge> edges = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                if (u == v) {
                    continue;
                }
                int copies = random.nextDouble() < density ? (random.nextDouble() < 0.2 ? 2 : 1) : 0;
                for (int c = 0; c < copies; c++) {
                    EdgeKind kind = random.nextBoolean() ? EdgeKind.INVESTMENT : EdgeKind.PURCHASE;
                    OptionalDouble amount = random.nextDouble() < 0.2
                            ? OptionalDouble.empty()
                            : OptionalDouble.of(1 + random.nextInt(100));
                    edges.add(new Edge("c" + edges.size(), u, v, kind, amount, OptionalDouble.empty()));
                }
                if (random.nextDouble() < density / 4) {
                    edges.add(Edge.amount("g" + edges.size(), u, v, EdgeKind.GUARANTEE, 1 + random.nextInt(100)));
                }
            }
        }
        return FundingGraph.of(ids(n), edges);
    }

    /**
     * {@code n} entities, about {@code perEntity} EQUITY edges held in each (parallel ones included), the shares held
     * in any one entity summing to at most {@code maxHeld} (< 1); plus cash and guarantee edges with known amounts.
     */
    static FundingGraph equity(long seed, int n, int perEntity, double maxHeld) {
        Random random = new Random(seed);
        List<Edge> edges = new ArrayList<>();
        for (int held = 0; held < n; held++) {
            int owners = n < 2 ? 0 : random.nextInt(perEntity + 1);
            double[] weights = new double[owners];
            double sum = 0;
            for (int k = 0; k < owners; k++) {
                weights[k] = random.nextDouble();
                sum += weights[k];
            }
            double total = maxHeld * random.nextDouble();
            for (int k = 0; k < owners; k++) {
                int owner = random.nextInt(n - 1);
                owner = owner >= held ? owner + 1 : owner;
                edges.add(Edge.equity("s" + edges.size(), owner, held, total * weights[k] / sum));
            }
            if (n >= 2 && random.nextBoolean()) {
                int from = random.nextInt(n - 1);
                from = from >= held ? from + 1 : from;
                EdgeKind kind = EdgeKind.values()[1 + random.nextInt(3)];
                edges.add(Edge.amount("a" + edges.size(), from, held, kind, 1 + random.nextInt(1000)));
            }
        }
        return FundingGraph.of(ids(n), edges);
    }
}
