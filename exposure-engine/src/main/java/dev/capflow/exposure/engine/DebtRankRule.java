package dev.capflow.exposure.engine;

/** The propagation rule of {@link DebtRank}. */
public enum DebtRankRule {
    /** Bardoscia et al. 2015: every increase of distress propagates linearly, iterated to convergence. */
    LINEAR_2015,
    /** Battiston et al. 2012: impact capped at 1, each distressed node propagates its distress once. */
    ORIGINAL_2012
}
