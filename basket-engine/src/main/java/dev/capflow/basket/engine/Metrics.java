package dev.capflow.basket.engine;

import java.time.LocalDate;

/**
 * Risk and return over a window, as fractions. A figure that the window cannot define (volatility from fewer than
 * two daily returns, a Sharpe ratio or beta over a zero variance, beta without a benchmark) is {@link Double#NaN}.
 */
public record Metrics(double totalReturn, double annualizedReturn, double annualizedVolatility, double sharpe,
        double maxDrawdown, LocalDate maxDrawdownPeak, LocalDate maxDrawdownTrough, double beta, double correlation) {
}
