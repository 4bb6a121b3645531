package dev.capflow.basket.engine;

import java.time.LocalDate;
import java.util.Map;

/**
 * Risk and return over a window, as fractions. A figure that the window cannot define (an annualized return over
 * fewer than 252 daily returns, volatility from fewer than two, a Sharpe ratio or beta over a zero variance, beta
 * without a benchmark) is {@link Double#NaN}, and {@code undefined} says why, for exactly those figures; the drawdown's
 * peak and trough are null when the level never fell.
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
        double correlation,
        Map<Metric, String> undefined) {

    public Metrics {
        undefined = Map.copyOf(undefined);
    }

    /** The value of one figure (NaN when it is undefined). */
    public double value(Metric metric) {
        return switch (metric) {
            case TOTAL_RETURN -> totalReturn;
            case ANNUALIZED_RETURN -> annualizedReturn;
            case ANNUALIZED_VOLATILITY -> annualizedVolatility;
            case SHARPE -> sharpe;
            case MAX_DRAWDOWN -> maxDrawdown;
            case BETA -> beta;
            case CORRELATION -> correlation;
        };
    }
}
