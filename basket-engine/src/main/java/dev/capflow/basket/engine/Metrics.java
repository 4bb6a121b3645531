package dev.capflow.basket.engine;

import java.time.LocalDate;

/**
 * Risk and return over a window, as fractions. A figure that the window cannot define (an annualized return over
 * fewer than 252 daily returns, volatility from fewer than two, a Sharpe ratio or beta over a zero variance, beta
 * without a benchmark) is {@link Double#NaN}; the drawdown's peak and trough are null when the level never fell.
 */
public record Metrics(
        double totalReturn,
        double annualizedReturn,
        double annualizedVolatility,
        double sharpe,
        double maxDrawdown,
        LocalDate maxDrawdownPeak,
        LocalDate maxDrawdownTrough,
        double beta,
        double correlation) {}
