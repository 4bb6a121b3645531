package dev.capflow.bench;

import dev.capflow.exposure.engine.Edge;
import dev.capflow.exposure.engine.EdgeKind;
import dev.capflow.exposure.engine.FundingGraph;
import dev.capflow.exposure.engine.LoopFinder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The exposure benchmarks' graphs, generated from fixed seeds. {@link #main} writes the loop graph as an edge list
 * ({@code from to} per line) for networkx, with the engine's own loop count next to it so the Python run can check
 * that it counted the same loops.
 */
public final class ExposureBenchData {

    static final long SEED = 20251128L;
    /** The loop graph: 300 entities, 2,100 distinct PURCHASE arcs (mean out-degree 7), loops of up to 8 arcs. */
    static final int LOOP_ENTITIES = 300;

    static final int LOOP_ARCS = 2_100;
    static final int MAX_LENGTH = 8;
    /**
     * The unbounded loop graph: 24 entities, 96 distinct arcs, every elementary cycle (725,465 of them), for Debian's
     * networkx 2.8, whose simple_cycles has no length bound.
     */
    static final int UNBOUNDED_ENTITIES = 24;

    static final int UNBOUNDED_ARCS = 96;
    /** The stress graph: 2,000 entities. */
    static final int STRESS_ENTITIES = 2_000;

    private ExposureBenchData() {}

    /**
     * Writes the bounded graph ({@code loop-graph.txt}, {@code java-count.txt}) and the unbounded one
     * ({@code loop-graph-unbounded.txt}, {@code java-count-unbounded.txt}) into the directory given as the only argument.
     */
    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "target/exposure-bench");
        Files.createDirectories(directory);
        write(directory, "", loopGraph(), MAX_LENGTH);
        write(directory, "-unbounded", unboundedLoopGraph(), 0);
    }

    /** Loops of up to {@value #MAX_LENGTH} arcs among {@value #LOOP_ENTITIES} entities and {@value #LOOP_ARCS} arcs. */
    /** The indices of the {@code count} largest {@code values}, largest first: the entities a benchmark shocks. */
    static int[] largest(double[] values, int count) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        return Arrays.stream(order, 0, count).mapToInt(Integer::intValue).toArray();
    }

    static FundingGraph loopGraph() {
        return randomArcs(LOOP_ENTITIES, LOOP_ARCS);
    }

    /** Every loop among {@value #UNBOUNDED_ENTITIES} entities and {@value #UNBOUNDED_ARCS} arcs. */
    static FundingGraph unboundedLoopGraph() {
        return randomArcs(UNBOUNDED_ENTITIES, UNBOUNDED_ARCS);
    }

    /** The edge list ("entities maxLength" first, then "from to" per arc) and the engine's loop count (0: no bound). */
    private static void write(Path directory, String suffix, FundingGraph graph, int maxLength) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(directory.resolve("loop-graph" + suffix + ".txt"))) {
            out.write(graph.size() + " " + maxLength);
            out.newLine();
            for (Edge edge : graph.edges()) {
                out.write(edge.from() + " " + edge.to());
                out.newLine();
            }
        }
        long loops = LoopFinder.count(graph, maxLength);
        Files.writeString(directory.resolve("java-count" + suffix + ".txt"), loops + "\n");
        System.out.printf(
                Locale.ROOT,
                "wrote %d entities, %d arcs (%d loops, length bound %d) to %s%n",
                graph.size(),
                graph.edges().size(),
                loops,
                maxLength,
                directory);
    }

    /** Uniformly random distinct arcs without self-loops, each a PURCHASE with an amount. */
    private static FundingGraph randomArcs(int entities, int arcCount) {
        Random random = new Random(SEED);
        List<Edge> edges = new ArrayList<>(arcCount);
        Set<Long> arcs = new HashSet<>();
        while (edges.size() < arcCount) {
            int from = random.nextInt(entities);
            int to = random.nextInt(entities);
            if (from != to && arcs.add((long) from * entities + to)) {
                edges.add(Edge.amount("e" + edges.size(), from, to, EdgeKind.PURCHASE, 1 + random.nextInt(1_000)));
            }
        }
        return FundingGraph.of(ids(entities), edges);
    }

    /**
     * {@value #STRESS_ENTITIES} entities: 0 to 4 holders of each (their shares summing to at most 0.9), 3 cash edges and
     * 0.5 guarantees per entity on average, amounts up to a tenth of the payer's value.
     */
    static FundingGraph stressGraph(double[] values) {
        Random random = new Random(SEED + 1);
        int n = values.length;
        List<Edge> edges = new ArrayList<>();
        for (int held = 0; held < n; held++) {
            int holders = random.nextInt(5);
            double total = 0.9 * random.nextDouble();
            for (int k = 0; k < holders; k++) {
                edges.add(Edge.equity("s" + edges.size(), other(random, n, held), held, total / holders));
            }
        }
        for (int k = 0; k < 3 * n; k++) {
            int from = random.nextInt(n);
            EdgeKind kind = random.nextBoolean() ? EdgeKind.PURCHASE : EdgeKind.INVESTMENT;
            edges.add(Edge.amount(
                    "c" + edges.size(), from, other(random, n, from), kind, values[from] * 0.1 * random.nextDouble()));
        }
        for (int k = 0; k < n / 2; k++) {
            int from = random.nextInt(n);
            edges.add(Edge.amount(
                    "g" + edges.size(),
                    from,
                    other(random, n, from),
                    EdgeKind.GUARANTEE,
                    values[from] * 0.1 * random.nextDouble()));
        }
        return FundingGraph.of(ids(n), edges);
    }

    /** Values from 1 to 1,000 billion USD, log-uniform. */
    static double[] stressValues() {
        Random random = new Random(SEED + 2);
        double[] values = new double[STRESS_ENTITIES];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1e9 * Math.pow(1_000, random.nextDouble());
        }
        return values;
    }

    private static int other(Random random, int n, int excluded) {
        int pick = random.nextInt(n - 1);
        return pick >= excluded ? pick + 1 : pick;
    }

    private static List<String> ids(int n) {
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(String.format(Locale.ROOT, "x%04d", i));
        }
        return ids;
    }
}
