package dev.capflow.exposure.domain;

/** The stress models of docs/stress-models.md. */
public enum StressModel {
    /** Cross-holdings valuation (Elliott, Golub and Jackson 2014), with optional failures. */
    CROSS_HOLDINGS,
    /** DebtRank on exposures (Bardoscia et al. 2015, or Battiston et al. 2012). */
    DEBTRANK,
    /** Payment clearing (Eisenberg and Noe 2001), with optional default costs (Rogers and Veraart 2013). */
    CLEARING
}
