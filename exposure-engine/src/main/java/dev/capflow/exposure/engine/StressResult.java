package dev.capflow.exposure.engine;

/**
 * Per entity: {@code relativeChange} (a fraction, losses negative), {@code valueLostUsd} (negative for a loss) and
 * {@code failedInWave} (the wave or iteration in which it failed, -1 = never); {@code waves} the number of waves or
 * iterations run; {@code debtRank} the value-weighted stress added by propagation (NaN for cross-holdings);
 * {@code converged} false only when DebtRank hit its iteration cap.
 */
public record StressResult(
        double[] relativeChange,
        double[] valueLostUsd,
        int[] failedInWave,
        int waves,
        double debtRank,
        boolean converged) {}
