package dev.capflow.exposure.engine;

import java.util.Arrays;

/**
 * The obligations of the payment-clearing model by creditor: {@code L[i][j]} is the sum of the known INVESTMENT and
 * PURCHASE amounts i -> j (unknown amounts count 0), {@code pbar_i = sum_j L[i][j]}. Creditor j's receivables are the
 * positions {@code start[j] .. start[j+1]}, each owed by {@code debtor[k]}, of {@code owed[k]} with relative liability
 * {@code pi[k] = owed[k] / pbar_debtor}. Primitive arrays only, so a sweep over 2,000 entities touches no objects.
 */
final class ClearingNetwork {

    final int size;
    final double[] pbar;
    final int[] start;
    final int[] debtor;
    final double[] owed;
    final double[] pi;

    private ClearingNetwork(int size, double[] pbar, int[] start, int[] debtor, double[] owed, double[] pi) {
        this.size = size;
        this.pbar = pbar;
        this.start = start;
        this.debtor = debtor;
        this.owed = owed;
        this.pi = pi;
    }

    static ClearingNetwork of(FundingGraph graph) {
        CashArcs arcs = CashArcs.of(graph);
        int n = graph.size();
        double[] pbar = new double[n];
        int[] start = new int[n + 1];
        for (int a = 0; a < arcs.count(); a++) {
            if (owes(arcs, a)) {
                pbar[arcs.from[a]] += arcs.amount[a];
                start[arcs.to[a] + 1]++;
            }
        }
        for (int j = 0; j < n; j++) {
            start[j + 1] += start[j];
        }
        int[] fill = Arrays.copyOf(start, n);
        int[] debtor = new int[start[n]];
        double[] owed = new double[start[n]];
        double[] pi = new double[start[n]];
        for (int a = 0; a < arcs.count(); a++) {
            if (owes(arcs, a)) {
                int k = fill[arcs.to[a]]++;
                debtor[k] = arcs.from[a];
                owed[k] = arcs.amount[a];
                pi[k] = arcs.amount[a] / pbar[arcs.from[a]];
            }
        }
        return new ClearingNetwork(n, pbar, start, debtor, owed, pi);
    }

    /** An arc is an obligation when its amount is known and positive (a zero amount owes nothing and has no Pi). */
    private static boolean owes(CashArcs arcs, int arc) {
        return arcs.amount[arc] > 0;
    }

    /** What j receives when every debtor i pays {@code p_i}: {@code sum_i Pi[i][j] p_i}. */
    double inflow(int j, double[] p) {
        double sum = 0;
        for (int k = start[j]; k < start[j + 1]; k++) {
            sum += pi[k] * p[debtor[k]];
        }
        return sum;
    }

    /** What j is owed and does not receive: {@code sum_i L[i][j] (pbar_i - p_i) / pbar_i}, exactly 0 when all pay. */
    double unpaid(int j, double[] p) {
        double sum = 0;
        for (int k = start[j]; k < start[j + 1]; k++) {
            int i = debtor[k];
            sum += owed[k] * ((pbar[i] - p[i]) / pbar[i]);
        }
        return sum;
    }
}
