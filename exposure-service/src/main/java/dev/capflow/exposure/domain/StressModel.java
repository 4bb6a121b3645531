package dev.capflow.exposure.domain;

/** The stress models of DESIGN section 5. */
public enum StressModel {
    /** Cross-holdings valuation (Elliott, Golub and Jackson 2014), with optional failures. */
    CROSS_HOLDINGS,
    /** DebtRank on exposures (Bardoscia et al. 2015, or Battiston et al. 2012). */
    DEBTRANK
}
