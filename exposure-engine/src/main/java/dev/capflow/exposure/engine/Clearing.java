package dev.capflow.exposure.engine;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Payment clearing (Eisenberg and Noe 2001) with optional default costs (Rogers and Veraart 2013): who goes unpaid when
 * cash falls short. Obligations are the known INVESTMENT and PURCHASE amounts ({@link ClearingNetwork}); external
 * resources {@code e_i = cash_i + horizonYears x revenue_i} (a missing figure counts 0); the shock scales {@code e_i} by
 * {@code 1 + valueChange_i}. The clearing vector is the greatest p with {@code p_i = pbar_i} when
 * {@code e_i + sum_j Pi[j][i] p_j >= pbar_i}, else {@code alpha e_i + beta sum_j Pi[j][i] p_j} (alpha = beta = 1:
 * {@code p = min(pbar, e + Pi^T p)}).
 *
 * <p>It is found by Gauss-Seidel sweeps from {@code p = pbar}: the map is monotone, so the sweeps only ever lower p and
 * never pass below the greatest clearing vector, to which they converge; each update uses the payments already lowered
 * in the same sweep, which cuts the sweeps a plain (Jacobi) fixed-point iteration needs. The sweeps stop when no payment
 * moves by more than {@value #TOLERANCE} of its obligations.
 */
public final class Clearing {

    static final double TOLERANCE = 1e-12;
    static final double DEFAULT_TOLERANCE = 1e-9;
    static final int MAX_SWEEPS = 100_000;

    private Clearing() {}

    /**
     * The baseline and shocked clearings of {@code graph}. {@code values} (finite, > 0) divide the relative figures;
     * {@code revenues} and {@code cash} are NaN when unknown, else finite and >= 0; {@code valueChange} (finite, >= -1)
     * scales each entity's external resources.
     */
    public static ClearingResult run(
            FundingGraph graph,
            double[] values,
            double[] revenues,
            double[] cash,
            double[] valueChange,
            ClearingOptions options) {
        int n = graph.size();
        IntFunction<String> entity = graph::entityId;
        Inputs.values("values", values, n, entity);
        Inputs.revenues(revenues, n, entity);
        Inputs.amountsOrUnknown("cash", cash, n, entity);
        Inputs.valueChanges(valueChange, n, entity);
        ClearingNetwork network = ClearingNetwork.of(graph);
        double[] resources = resources(revenues, cash, options.horizonYears());
        double[] shockedResources = new double[n];
        for (int i = 0; i < n; i++) {
            shockedResources[i] = resources[i] * (1 + valueChange[i]);
        }
        ClearingState baseline = clear(network, resources, options, values, revenues);
        ClearingState shocked = clear(network, shockedResources, options, values, revenues);
        double[] relative = new double[n];
        double[] lost = new double[n];
        for (int i = 0; i < n; i++) {
            // 0.0 - x rather than -x: no change reads as 0.0, not -0.0
            relative[i] = 0.0 - (shocked.unpaidReceivablesUsd()[i] - baseline.unpaidReceivablesUsd()[i]) / values[i];
            lost[i] = relative[i] * values[i];
        }
        int[] neverFailed = new int[n];
        Arrays.fill(neverFailed, -1);
        StressResult stress = new StressResult(
                relative,
                lost,
                neverFailed,
                shocked.iterations(),
                Double.NaN,
                baseline.converged() && shocked.converged());
        return new ClearingResult(baseline, shocked, stress);
    }

    /** {@code e_i = cash_i + horizonYears x revenue_i}, NaN (unknown) counting 0. */
    static double[] resources(double[] revenues, double[] cash, double horizonYears) {
        double[] e = new double[revenues.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = known(cash[i]) + horizonYears * known(revenues[i]);
        }
        return e;
    }

    private static double known(double amount) {
        return Double.isNaN(amount) ? 0 : amount;
    }

    private static ClearingState clear(
            ClearingNetwork network, double[] e, ClearingOptions options, double[] values, double[] revenues) {
        int n = network.size;
        double[] pbar = network.pbar;
        double[] p = pbar.clone();
        double alpha = options.alpha();
        double beta = options.beta();
        int sweeps = 0;
        boolean converged = false;
        while (!converged && sweeps < MAX_SWEEPS) {
            sweeps++;
            double moved = 0;
            for (int i = 0; i < n; i++) {
                if (pbar[i] == 0) {
                    continue;
                }
                double inflow = network.inflow(i, p);
                double next = e[i] + inflow >= pbar[i] ? pbar[i] : alpha * e[i] + beta * inflow;
                moved = Math.max(moved, Math.abs(p[i] - next) / pbar[i]);
                p[i] = next;
            }
            converged = moved <= TOLERANCE;
        }
        double[] unpaid = new double[n];
        double[] toRevenue = new double[n];
        double[] toValue = new double[n];
        boolean[] defaulted = new boolean[n];
        for (int j = 0; j < n; j++) {
            defaulted[j] = p[j] < pbar[j] * (1 - DEFAULT_TOLERANCE);
            unpaid[j] = network.unpaid(j, p);
            toRevenue[j] = revenues[j] > 0 ? unpaid[j] / revenues[j] : Double.NaN;
            toValue[j] = unpaid[j] / values[j];
        }
        return new ClearingState(pbar.clone(), p, defaulted, unpaid, toRevenue, toValue, e, sweeps, converged);
    }
}
