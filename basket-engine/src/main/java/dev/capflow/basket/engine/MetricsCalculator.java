package dev.capflow.basket.engine;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/** Return, risk, drawdown and benchmark metrics of the levels in a window (docs/design.md section 4). */
final class MetricsCalculator {

    static final double TRADING_DAYS = 252.0;

    /** GIPS: a return over less than a year (252 daily returns) is not annualized; below that it is undefined. */
    static final int MIN_RETURNS_TO_ANNUALIZE = 252;

    private MetricsCalculator() {}

    /**
     * @param benchmark the benchmark aligned on the window's dates ({@code window.size()} values), or null
     * @param riskFreeRate the annual risk-free rate; the daily one is {@code riskFreeRate / 252}
     */
    static Metrics compute(int[] calendar, double[] levels, Window window, double[] benchmark, double riskFreeRate) {
        int first = window.first();
        int n = window.last() - first;
        double[] returns = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            returns[k] = levels[first + k + 1] / levels[first + k] - 1;
            sum += returns[k];
        }
        double mean = sum / n;
        double squares = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
        }
        double stdev = n > 1 ? Math.sqrt(squares / (n - 1)) : Double.NaN;
        double annualFactor = Math.sqrt(TRADING_DAYS);

        double totalReturn = levels[window.last()] / levels[first] - 1;
        double annualizedReturn =
                n >= MIN_RETURNS_TO_ANNUALIZE ? Math.pow(1 + totalReturn, TRADING_DAYS / n) - 1 : Double.NaN;
        double sharpe = stdev > 0 ? (mean - riskFreeRate / TRADING_DAYS) / stdev * annualFactor : Double.NaN;

        int peak = first;
        int drawdownPeak = first;
        int trough = first;
        double maxDrawdown = 0;
        for (int t = first + 1; t <= window.last(); t++) {
            if (levels[t] > levels[peak]) {
                peak = t;
            }
            double drawdown = levels[t] / levels[peak] - 1;
            if (drawdown < maxDrawdown) {
                maxDrawdown = drawdown;
                drawdownPeak = peak;
                trough = t;
            }
        }

        double beta = Double.NaN;
        double correlation = Double.NaN;
        if (benchmark != null && n > 1) {
            double[] benchmarkReturns = new double[n];
            double benchmarkSum = 0;
            for (int k = 0; k < n; k++) {
                benchmarkReturns[k] = benchmark[k + 1] / benchmark[k] - 1;
                benchmarkSum += benchmarkReturns[k];
            }
            double benchmarkMean = benchmarkSum / n;
            double cross = 0;
            double benchmarkSquares = 0;
            for (int k = 0; k < n; k++) {
                double deviation = benchmarkReturns[k] - benchmarkMean;
                cross += (returns[k] - mean) * deviation;
                benchmarkSquares += deviation * deviation;
            }
            if (benchmarkSquares > 0) {
                // the (n - 1) of the sample covariance and variance cancels in both ratios
                beta = cross / benchmarkSquares;
                correlation = squares > 0 ? cross / Math.sqrt(squares * benchmarkSquares) : Double.NaN;
            }
        }

        Map<Metric, String> undefined = new EnumMap<>(Metric.class);
        if (n < MIN_RETURNS_TO_ANNUALIZE) {
            undefined.put(
                    Metric.ANNUALIZED_RETURN,
                    "fewer than 252 daily returns (" + n + " in the window): a return over less than a year is not "
                            + "annualized (GIPS)");
        }
        if (n < 2) {
            String tooFew = "fewer than two daily returns (" + n + " in the window): ";
            undefined.put(Metric.ANNUALIZED_VOLATILITY, tooFew + "a sample standard deviation needs two");
            undefined.put(Metric.SHARPE, tooFew + "the Sharpe ratio divides by their sample standard deviation");
        } else if (!(stdev > 0)) {
            undefined.put(
                    Metric.SHARPE, "the daily returns do not vary: the Sharpe ratio divides by their zero volatility");
        }
        whyNoBeta(benchmark, n, squares, Double.isNaN(beta)).forEach(undefined::put);

        // no fall in the window: there is no drawdown to date
        boolean fell = maxDrawdown < 0;
        return new Metrics(
                totalReturn,
                annualizedReturn,
                stdev * annualFactor,
                sharpe,
                maxDrawdown,
                fell ? LocalDate.ofEpochDay(calendar[drawdownPeak]) : null,
                fell ? LocalDate.ofEpochDay(calendar[trough]) : null,
                beta,
                correlation,
                undefined);
    }

    /** Why beta and correlation are undefined, when they are. */
    private static Map<Metric, String> whyNoBeta(double[] benchmark, int n, double squares, boolean betaUndefined) {
        String why;
        if (benchmark == null) {
            why = "no benchmark was requested";
        } else if (n < 2) {
            why = "fewer than two daily returns (" + n + " in the window): beta and correlation need a sample "
                    + "variance";
        } else if (betaUndefined) {
            why = "the benchmark's daily returns do not vary: beta and correlation divide by their zero variance";
        } else if (!(squares > 0)) {
            return Map.of(
                    Metric.CORRELATION,
                    "the basket's daily returns do not vary: correlation divides by their zero variance");
        } else {
            return Map.of();
        }
        return Map.of(Metric.BETA, why, Metric.CORRELATION, why);
    }
}
