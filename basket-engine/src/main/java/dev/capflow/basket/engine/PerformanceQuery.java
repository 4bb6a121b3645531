package dev.capflow.basket.engine;

import java.time.LocalDate;

/**
 * A performance window {@code [from, to]} (null: the base date, the last close), an optional benchmark series for
 * beta and correlation, and the annual risk-free rate for the Sharpe ratio (a fraction, default 0).
 */
public record PerformanceQuery(LocalDate from, LocalDate to, TimeSeries benchmark, double riskFreeRate) {

    /** The lowest annual risk-free rate taken (a fraction): below every policy rate seen, -0.75% (SNB, 2015-2022). */
    public static final double MIN_RISK_FREE_RATE = -0.05;

    /** The highest annual risk-free rate taken: a fraction, so 4 (meant as 4%) is refused rather than read as 400%. */
    public static final double MAX_RISK_FREE_RATE = 0.25;

    public PerformanceQuery {
        if (from != null && to != null && from.isAfter(to)) {
            throw new BasketArgumentException("from", "from " + from + " is after to " + to);
        }
        if (!(riskFreeRate >= MIN_RISK_FREE_RATE && riskFreeRate <= MAX_RISK_FREE_RATE)) {
            throw new BasketArgumentException("riskFreeRate", riskFreeRateRule(riskFreeRate));
        }
    }

    /** Why {@code rate} is refused as an annual risk-free rate. */
    public static String riskFreeRateRule(double rate) {
        return "must be an annual fraction from " + MIN_RISK_FREE_RATE + " to " + MAX_RISK_FREE_RATE
                + " (0.04 for 4 percent), got " + rate;
    }

    /** From the base date to the last close, no benchmark, risk-free rate 0. */
    public static PerformanceQuery full() {
        return new PerformanceQuery(null, null, null, 0.0);
    }

    /** The window {@code [from, to]}; either bound may be null for its default. */
    public static PerformanceQuery between(LocalDate from, LocalDate to) {
        return new PerformanceQuery(from, to, null, 0.0);
    }

    /** This query with beta and correlation against {@code series} (any instrument, in any unit: only its returns matter). */
    public PerformanceQuery withBenchmark(TimeSeries series) {
        return new PerformanceQuery(from, to, series, riskFreeRate);
    }

    /** This query with an annual risk-free rate (a fraction; the daily rate is {@code rate / 252}). */
    public PerformanceQuery withRiskFreeRate(double rate) {
        return new PerformanceQuery(from, to, benchmark, rate);
    }
}
