package dev.capflow.exposure.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Every entity's exposure to one target T: equity through every chain of holdings, {@code S_total = (I - S)^-1 - I},
 * of which only column T is needed, found by solving {@code (I - S) x = e_T}; plus the cash T contracts to pay it.
 */
public final class LookThrough {

    private LookThrough() {}

    /**
     * One {@link Exposure} per entity other than {@code target}, in index order. {@code values[i]} is entity i's value
     * in USD (finite, > 0); {@code revenues[i]} its annual revenue in USD, NaN when unknown.
     */
    public static List<Exposure> compute(FundingGraph graph, double[] values, double[] revenues, int target) {
        int n = graph.size();
        if (target < 0 || target >= n) {
            throw new GraphException(
                    "target", String.valueOf(target), "unknown entity (index " + target + " of " + n + ")");
        }
        Inputs.values("values", values, n, graph::entityId);
        Inputs.revenues(revenues, n, graph::entityId);
        SparseRows s = graph.equity();
        double[] unit = new double[n];
        unit[target] = 1;
        double[] column = EquitySystem.of(s).solve(unit);
        double[] inflow = contractedInflow(graph, target);
        List<Exposure> exposures = new ArrayList<>(n - 1);
        for (int i = 0; i < n; i++) {
            if (i == target) {
                continue;
            }
            double atStake = column[i] * values[target];
            OptionalDouble toRevenue =
                    revenues[i] > 0 ? OptionalDouble.of(inflow[i] / revenues[i]) : OptionalDouble.empty();
            exposures.add(
                    new Exposure(i, s.get(i, target), column[i], atStake, atStake / values[i], inflow[i], toRevenue));
        }
        return exposures;
    }

    /** Known INVESTMENT and PURCHASE amounts from {@code target} to each entity. */
    private static double[] contractedInflow(FundingGraph graph, int target) {
        double[] inflow = new double[graph.size()];
        for (Edge edge : graph.edges()) {
            if (edge.from() == target
                    && edge.kind().carriesCash()
                    && edge.amountUsd().isPresent()) {
                inflow[edge.to()] += edge.amountUsd().getAsDouble();
            }
        }
        return inflow;
    }
}
