package dev.capflow.exposure.engine;

import java.util.Arrays;

/**
 * The cross-holdings valuation model of Elliott, Golub and Jackson (2014). Values satisfy {@code E = P + S E}, so the
 * primary values are calibrated from today's, {@code P = (I - S) E}; after a shock {@code P'_i = P_i (1 + valueChange_i)}
 * the values are {@code E' = (I - S)^-1 P'}. With a failure threshold, waves follow: an entity whose value falls below
 * {@code theta E_i} fails and its primary value loses {@code beta E_i} more, until a wave brings no new failure.
 */
public final class CrossHoldings {

    /** The largest value change a shock may apply (+1,000%): beyond it figures lose all meaning and then finiteness. */
    public static final double MAX_VALUE_CHANGE = 10;

    private CrossHoldings() {}

    /**
     * Revalues every entity after scaling entity i's primary value by {@code 1 + valueChange[i]} ({@code valueChange[i]
     * >= -1}; index = entity index); {@code values} are today's values in USD (finite, > 0). Wave 0 is the revaluation
     * after the shock; {@code waves} counts the revaluations (1 without a threshold).
     */
    public static StressResult run(FundingGraph graph, double[] values, double[] valueChange, CascadeOptions options) {
        int n = graph.size();
        Inputs.values("values", values, n, graph::entityId);
        Inputs.valueChanges(valueChange, n, graph::entityId);
        SparseRows s = graph.equity();
        EquitySystem system = EquitySystem.of(s);
        // E' = E + (I - S)^-1 (P' - P): solving for the change keeps a zero shock exactly at zero
        double[] primaryChange = new double[n];
        for (int i = 0; i < n; i++) {
            if (valueChange[i] != 0) {
                primaryChange[i] = primaryValue(s, values, i) * valueChange[i];
            }
        }
        int[] failedInWave = new int[n];
        Arrays.fill(failedInWave, -1);
        double[] change = system.solve(primaryChange);
        int waves = 1;
        while (options.theta().isPresent()) {
            double theta = options.theta().getAsDouble();
            boolean failures = false;
            for (int i = 0; i < n; i++) {
                if (failedInWave[i] < 0 && values[i] + change[i] < theta * values[i]) {
                    failedInWave[i] = waves - 1;
                    primaryChange[i] -= options.beta() * values[i];
                    failures = true;
                }
            }
            if (!failures) {
                break;
            }
            change = system.solve(primaryChange);
            waves++;
        }
        double[] relative = new double[n];
        for (int i = 0; i < n; i++) {
            relative[i] = change[i] / values[i];
        }
        return new StressResult(relative, change, failedInWave, waves, Double.NaN, true);
    }

    /** {@code P_i = E_i - sum_j S[i][j] E_j}: the value of what i holds outside the graph's equity. */
    static double primaryValue(SparseRows s, double[] values, int i) {
        double primary = values[i];
        for (int k = s.start()[i]; k < s.start()[i + 1]; k++) {
            primary -= s.value()[k] * values[s.column()[k]];
        }
        return primary;
    }
}
