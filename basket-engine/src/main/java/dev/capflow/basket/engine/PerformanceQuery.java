package dev.capflow.basket.engine;

import java.time.LocalDate;

/**
 * A performance window {@code [from, to]} (null: the base date, the last close), an optional benchmark series for
 * beta and correlation, and the annual risk-free rate for the Sharpe ratio (a fraction, default 0).
 */
public record PerformanceQuery(LocalDate from, LocalDate to, TimeSeries benchmark, double riskFreeRate) {

    public PerformanceQuery {
        if (from != null && to != null && from.isAfter(to)) {
            throw new BasketArgumentException("from", "from " + from + " is after to " + to);
        }
        if (!Double.isFinite(riskFreeRate)) {
            throw new BasketArgumentException("riskFreeRate", "must be a finite fraction, got " + riskFreeRate);
        }
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
