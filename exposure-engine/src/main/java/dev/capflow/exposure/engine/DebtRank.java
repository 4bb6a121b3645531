package dev.capflow.exposure.engine;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * DebtRank: relative equity losses {@code h} in [0, 1] propagated along exposures, {@code Lambda[j][i] =
 * exposures[j][i] / buffers[j]} being j's loss per unit of i's relative loss. {@link DebtRankRule#LINEAR_2015}
 * (Bardoscia et al. 2015): {@code h_j(t+1) = min(1, h_j(t) + sum_{i: h_i(t-1) < 1} Lambda[j][i] (h_i(t) - h_i(t-1)))},
 * with {@code h(-1) = 0}, iterated until no h moves by more than {@value #TOLERANCE}. {@link DebtRankRule#ORIGINAL_2012}
 * (Battiston et al. 2012): impact {@code min(1, Lambda)}, and a node propagates its whole distress once, in the step
 * after it became distressed.
 */
public final class DebtRank {

    static final double TOLERANCE = 1e-12;
    static final int MAX_ITERATIONS = 100_000;

    private DebtRank() {}

    /**
     * Final relative losses after the initial relative losses {@code initialH} (each in [0, 1]); {@code exposures[j][i]}
     * is what j loses if i fails (>= 0), {@code buffers[j]} j's equity (> 0), {@code weights[j]} j's weight in the
     * DebtRank (>= 0, normalised here). Losses in USD are {@code -h x buffer}; the diagonal of {@code exposures} is
     * ignored.
     */
    public static StressResult run(
            double[][] exposures, double[] buffers, double[] weights, double[] initialH, DebtRankRule rule) {
        return run(exposures, buffers, weights, initialH, rule, String::valueOf);
    }

    /** {@link #run(double[][], double[], double[], double[], DebtRankRule)} on the graph's exposures, buffers = weights = values. */
    public static StressResult run(FundingGraph graph, double[] values, double[] initialH, DebtRankRule rule) {
        return run(exposures(graph, values), values, values, initialH, rule, graph::entityId);
    }

    /**
     * {@code exposures[j][i]}: known INVESTMENT + PURCHASE amounts i -> j (j's contracted inflow from i), plus GUARANTEE
     * amounts j -> i (j backstops i), plus {@code S[j][i] x values[i]} (the equity j holds in i).
     */
    public static double[][] exposures(FundingGraph graph, double[] values) {
        int n = graph.size();
        Inputs.values("values", values, n, graph::entityId);
        double[][] exposures = new double[n][n];
        for (Edge edge : graph.edges()) {
            int from = edge.from();
            int to = edge.to();
            switch (edge.kind()) {
                case EQUITY -> exposures[from][to] += edge.share().getAsDouble() * values[to];
                case GUARANTEE -> exposures[from][to] += edge.amountUsd().orElse(0);
                case INVESTMENT, PURCHASE ->
                    exposures[to][from] += edge.amountUsd().orElse(0);
            }
        }
        return exposures;
    }

    private static StressResult run(
            double[][] exposures,
            double[] buffers,
            double[] weights,
            double[] initialH,
            DebtRankRule rule,
            IntFunction<String> entity) {
        int n = buffers.length;
        Inputs.values("buffers", buffers, n, entity);
        checkWeights(weights, n, entity);
        Inputs.initialLosses(initialH, n, entity);
        Impacts impacts = Impacts.of(exposures, buffers, entity);
        int[] failedInWave = new int[n];
        Arrays.fill(failedInWave, -1);
        for (int i = 0; i < n; i++) {
            if (initialH[i] == 1) {
                failedInWave[i] = 0;
            }
        }
        double[] h = initialH.clone();
        Propagation propagation = rule == DebtRankRule.LINEAR_2015
                ? linear(impacts, h, failedInWave)
                : original(impacts, h, failedInWave);
        double totalWeight = Arrays.stream(weights).sum();
        double[] relative = new double[n];
        double[] lost = new double[n];
        double added = 0;
        for (int i = 0; i < n; i++) {
            // 0.0 - x rather than -x: no loss reads as 0.0, not -0.0
            relative[i] = 0.0 - h[i];
            lost[i] = 0.0 - h[i] * buffers[i];
            added += weights[i] * (h[i] - initialH[i]);
        }
        return new StressResult(
                relative, lost, failedInWave, propagation.iterations(), added / totalWeight, propagation.converged());
    }

    private record Propagation(int iterations, boolean converged) {}

    private static Propagation linear(Impacts impacts, double[] h, int[] failedInWave) {
        int n = h.length;
        double[] previous = new double[n];
        double[] next = new double[n];
        for (int t = 0; t < MAX_ITERATIONS; t++) {
            System.arraycopy(h, 0, next, 0, n);
            for (int i = 0; i < n; i++) {
                double increase = h[i] - previous[i];
                if (increase > 0 && previous[i] < 1) {
                    impacts.spread(i, increase, next, false);
                }
            }
            double moved = 0;
            for (int j = 0; j < n; j++) {
                next[j] = Math.min(1, next[j]);
                moved = Math.max(moved, next[j] - h[j]);
                if (next[j] == 1 && failedInWave[j] < 0) {
                    failedInWave[j] = t + 1;
                }
            }
            System.arraycopy(h, 0, previous, 0, n);
            System.arraycopy(next, 0, h, 0, n);
            if (moved <= TOLERANCE) {
                return new Propagation(t + 1, true);
            }
        }
        return new Propagation(MAX_ITERATIONS, false);
    }

    private static Propagation original(Impacts impacts, double[] h, int[] failedInWave) {
        int n = h.length;
        // 0 = undistressed, 1 = distressed (propagates next step), 2 = inactive (has propagated)
        byte[] state = new byte[n];
        boolean distressed = false;
        for (int i = 0; i < n; i++) {
            if (h[i] > 0) {
                state[i] = 1;
                distressed = true;
            }
        }
        double[] next = new double[n];
        int t = 0;
        while (distressed) {
            System.arraycopy(h, 0, next, 0, n);
            for (int i = 0; i < n; i++) {
                if (state[i] == 1) {
                    impacts.spread(i, h[i], next, true);
                    state[i] = 2;
                }
            }
            t++;
            distressed = false;
            for (int j = 0; j < n; j++) {
                h[j] = Math.min(1, next[j]);
                if (h[j] == 1 && failedInWave[j] < 0) {
                    failedInWave[j] = t;
                }
                if (state[j] == 0 && h[j] > 0) {
                    state[j] = 1;
                    distressed = true;
                }
            }
        }
        return new Propagation(t, true);
    }

    private static void checkWeights(double[] weights, int n, IntFunction<String> entity) {
        Inputs.length("weights", weights, n);
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (!(weights[i] >= 0 && weights[i] < Double.POSITIVE_INFINITY)) {
                throw new GraphException("weights", entity.apply(i), "must be a finite weight >= 0, got " + weights[i]);
            }
            total += weights[i];
        }
        if (!(total > 0)) {
            throw new GraphException("weights", "graph", "the weights must not all be zero");
        }
    }

    /** Lambda by source: the entities j that i's distress reaches, with {@code Lambda[j][i]}, non-zero entries only. */
    private record Impacts(int[] start, int[] target, double[] lambda) {

        static Impacts of(double[][] exposures, double[] buffers, IntFunction<String> entity) {
            int n = buffers.length;
            if (exposures.length != n) {
                throw new GraphException("exposures", "graph", "expected " + n + " rows, got " + exposures.length);
            }
            int[] start = new int[n + 1];
            for (int j = 0; j < n; j++) {
                if (exposures[j].length != n) {
                    throw new GraphException(
                            "exposures", entity.apply(j), "expected " + n + " columns, got " + exposures[j].length);
                }
                for (int i = 0; i < n; i++) {
                    double exposure = exposures[j][i];
                    if (!(exposure >= 0 && exposure < Double.POSITIVE_INFINITY)) {
                        throw new GraphException(
                                "exposures",
                                entity.apply(j),
                                "exposure to " + entity.apply(i) + " must be a finite amount >= 0, got " + exposure);
                    }
                    if (exposure > 0 && i != j) {
                        start[i + 1]++;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                start[i + 1] += start[i];
            }
            int[] fill = Arrays.copyOf(start, n);
            int[] target = new int[start[n]];
            double[] lambda = new double[start[n]];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    if (exposures[j][i] > 0 && i != j) {
                        int k = fill[i]++;
                        target[k] = j;
                        lambda[k] = exposures[j][i] / buffers[j];
                    }
                }
            }
            return new Impacts(start, target, lambda);
        }

        /** Adds i's transmitted distress {@code amount x Lambda[j][i]} (capped at 1 per unit if {@code capped}) to {@code h[j]}. */
        void spread(int i, double amount, double[] h, boolean capped) {
            for (int k = start[i]; k < start[i + 1]; k++) {
                h[target[k]] += (capped ? Math.min(1, lambda[k]) : lambda[k]) * amount;
            }
        }
    }
}
