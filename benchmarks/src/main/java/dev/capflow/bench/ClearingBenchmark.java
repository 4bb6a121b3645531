package dev.capflow.bench;

import dev.capflow.exposure.engine.Clearing;
import dev.capflow.exposure.engine.ClearingOptions;
import dev.capflow.exposure.engine.ClearingResult;
import dev.capflow.exposure.engine.Edge;
import dev.capflow.exposure.engine.FundingGraph;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The CLEARING model on the seeded 2,000-entity stress graph (6,000 cash edges), the ten largest entities losing half
 * their resources, baseline and shocked clearings per call: the engine ({@link Clearing#run}, Gauss-Seidel sweeps, all
 * figures) against a plain fixed-point (Jacobi) iteration {@code p <- Phi(p)} from {@code p = pbar} over the same sparse
 * receivables with the same stopping rule, which computes the payments only. Revenues are up to 3% of value a year, so
 * that about a third of the entities default.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ClearingBenchmark {

    private static final double TOLERANCE = 1e-12;

    private FundingGraph graph;
    private double[] values;
    private double[] revenues;
    private double[] cash;
    private double[] valueChange;

    @Setup
    public void generate() {
        values = ExposureBenchData.stressValues();
        graph = ExposureBenchData.stressGraph(values);
        Random random = new Random(ExposureBenchData.SEED + 3);
        revenues = new double[values.length];
        cash = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            revenues[i] = values[i] * 0.03 * random.nextDouble();
            cash[i] = random.nextBoolean() ? values[i] * 0.02 * random.nextDouble() : Double.NaN;
        }
        valueChange = new double[values.length];
        for (int shocked : ExposureBenchData.largest(values, 10)) {
            valueChange[shocked] = -0.5;
        }
        checkBothAgree();
    }

    @Benchmark
    public ClearingResult engine() {
        return Clearing.run(graph, values, revenues, cash, valueChange, ClearingOptions.defaults());
    }

    @Benchmark
    public double[][] plainFixedPoint() {
        PlainIteration plain = new PlainIteration(graph);
        return new double[][] {plain.clear(resources(false)), plain.clear(resources(true))};
    }

    /** {@code e = cash + 5 x revenue}, scaled by the shock when {@code shocked}. */
    private double[] resources(boolean shocked) {
        double[] e = new double[values.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = (Double.isNaN(cash[i]) ? 0 : cash[i]) + ClearingOptions.DEFAULT_HORIZON_YEARS * revenues[i];
            e[i] *= shocked ? 1 + valueChange[i] : 1;
        }
        return e;
    }

    /** Refuses to measure two computations that disagree; prints the sweeps and defaults of each for BENCHMARKS.md. */
    private void checkBothAgree() {
        ClearingResult engine = engine();
        PlainIteration plain = new PlainIteration(graph);
        double[] plainPaid = plain.clear(resources(true));
        double[] p = engine.shocked().paidUsd();
        for (int i = 0; i < p.length; i++) {
            double scale = Math.max(1, engine.shocked().obligationsUsd()[i]);
            if (Math.abs(p[i] - plainPaid[i]) > 1e-9 * scale) {
                throw new IllegalStateException(
                        "engine and plain iteration disagree at " + i + ": " + p[i] + " vs " + plainPaid[i]);
            }
        }
        long defaults = 0;
        for (boolean d : engine.shocked().defaulted()) {
            defaults += d ? 1 : 0;
        }
        System.out.printf(
                "clearing: %d of %d entities default after the shock; engine %d sweeps, plain %d iterations%n",
                defaults, p.length, engine.shocked().iterations(), plain.lastIterations);
    }

    /** {@code p <- min(pbar, e + Pi^T p)} on the whole vector at once, from pbar, until no entry moves by 1e-12 of pbar. */
    private static final class PlainIteration {
        private final double[] pbar;
        private final int[] start;
        private final int[] debtor;
        private final double[] pi;
        private int lastIterations;

        PlainIteration(FundingGraph graph) {
            int n = graph.size();
            pbar = new double[n];
            start = new int[n + 1];
            int count = 0;
            for (Edge edge : graph.edges()) {
                if (edge.kind().carriesCash() && edge.amountUsd().orElse(0) > 0) {
                    pbar[edge.from()] += edge.amountUsd().getAsDouble();
                    start[edge.to() + 1]++;
                    count++;
                }
            }
            for (int j = 0; j < n; j++) {
                start[j + 1] += start[j];
            }
            int[] fill = Arrays.copyOf(start, n);
            debtor = new int[count];
            pi = new double[count];
            for (Edge edge : graph.edges()) {
                if (edge.kind().carriesCash() && edge.amountUsd().orElse(0) > 0) {
                    int k = fill[edge.to()]++;
                    debtor[k] = edge.from();
                    pi[k] = edge.amountUsd().getAsDouble() / pbar[edge.from()];
                }
            }
        }

        double[] clear(double[] e) {
            double[] p = pbar.clone();
            double[] next = new double[p.length];
            lastIterations = 0;
            double moved;
            do {
                lastIterations++;
                moved = 0;
                for (int i = 0; i < p.length; i++) {
                    double inflow = 0;
                    for (int k = start[i]; k < start[i + 1]; k++) {
                        inflow += pi[k] * p[debtor[k]];
                    }
                    next[i] = Math.min(pbar[i], e[i] + inflow);
                    if (pbar[i] > 0) {
                        moved = Math.max(moved, Math.abs(next[i] - p[i]) / pbar[i]);
                    }
                }
                double[] swap = p;
                p = next;
                next = swap;
            } while (moved > TOLERANCE);
            return p;
        }
    }
}
