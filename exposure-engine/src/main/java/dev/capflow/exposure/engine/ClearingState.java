package dev.capflow.exposure.engine;

/**
 * The clearing of one scenario, by entity index: {@code obligationsUsd} (pbar, what it owes), {@code paidUsd} (its
 * clearing payment p), {@code defaulted} (p below pbar by more than 1e-9 of pbar), {@code unpaidReceivablesUsd} (what
 * its debtors owe it and do not pay), that over its revenue ({@code unpaidToRevenue}, NaN when the revenue is unknown or
 * 0) and over its value ({@code unpaidToValue}); {@code externalResourcesUsd} (e, after the shock); {@code iterations}
 * the sweeps run and {@code converged} false only when they hit their cap.
 */
public record ClearingState(
        double[] obligationsUsd,
        double[] paidUsd,
        boolean[] defaulted,
        double[] unpaidReceivablesUsd,
        double[] unpaidToRevenue,
        double[] unpaidToValue,
        double[] externalResourcesUsd,
        int iterations,
        boolean converged) {}
