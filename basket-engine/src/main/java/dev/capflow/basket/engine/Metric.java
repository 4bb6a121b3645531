package dev.capflow.basket.engine;

/** The numeric figures of {@link Metrics}, to say which of them a window cannot define. */
public enum Metric {
    TOTAL_RETURN,
    ANNUALIZED_RETURN,
    ANNUALIZED_VOLATILITY,
    SHARPE,
    MAX_DRAWDOWN,
    BETA,
    CORRELATION
}
