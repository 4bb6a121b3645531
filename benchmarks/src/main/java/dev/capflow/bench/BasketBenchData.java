package dev.capflow.bench;

import dev.capflow.basket.engine.BasketDefinition;
import dev.capflow.basket.engine.BasketEngine;
import dev.capflow.basket.engine.Contribution;
import dev.capflow.basket.engine.MarketData;
import dev.capflow.basket.engine.Metrics;
import dev.capflow.basket.engine.Performance;
import dev.capflow.basket.engine.PerformanceQuery;
import dev.capflow.basket.engine.Rebalance;
import dev.capflow.basket.engine.TimeSeries;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The basket benchmark's data, generated from a fixed seed: members' daily closes on weekdays with about 2% of days
 * missing (so carry-forward does real work) and a benchmark series. {@link #main} writes it as a wide CSV for pandas,
 * with the engine's own results next to it so the pandas run can check it computed the same thing.
 */
public record BasketBenchData(List<LocalDate> dates, List<TimeSeries> members, TimeSeries benchmark) {

    static final long SEED = 20251029L;
    static final int MEMBERS = 500;
    static final int DAYS = 2_520;
    static final double RISK_FREE_RATE = 0.04;
    private static final double MISSING = 0.02;

    /** Writes {@code prices.csv} and {@code java-results.json} into the directory given as the only argument. */
    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "target/basket-bench");
        Files.createDirectories(directory);
        BasketBenchData data = generate(SEED, MEMBERS, DAYS);
        data.writeCsv(directory.resolve("prices.csv"));
        Performance performance = new BasketEngine()
                .performance(new BasketEngine().levels(data.definition(), data.marketData()), data.query());
        Files.writeString(directory.resolve("java-results.json"), resultsJson(performance));
        System.out.printf(Locale.ROOT, "wrote %d members x %d days to %s%n", MEMBERS, DAYS, directory);
    }

    /** Deterministic closes: each member a log-normal walk with its own drift and volatility plus a common factor. */
    public static BasketBenchData generate(long seed, int memberCount, int dayCount) {
        Random random = new Random(seed);
        List<LocalDate> dates = weekdays(LocalDate.of(2016, 1, 4), dayCount);
        double[] market = new double[dayCount];
        double[] benchmark = new double[dayCount];
        double index = 1000;
        for (int t = 0; t < dayCount; t++) {
            market[t] = 0.0003 + 0.011 * random.nextGaussian();
            index *= Math.exp(market[t]);
            benchmark[t] = round4(index);
        }
        List<TimeSeries> members = new ArrayList<>(memberCount);
        for (int i = 0; i < memberCount; i++) {
            double beta = 0.5 + random.nextDouble();
            double volatility = 0.01 + 0.02 * random.nextDouble();
            double price = 10 + 490 * random.nextDouble();
            TimeSeries.Builder closes = TimeSeries.builder();
            for (int t = 0; t < dayCount; t++) {
                price *= Math.exp(beta * market[t] + volatility * random.nextGaussian());
                if (t == 0 || random.nextDouble() >= MISSING) {
                    closes.add(dates.get(t), round4(price));
                }
            }
            members.add(closes.build());
        }
        return new BasketBenchData(dates, members, TimeSeries.of(dates, benchmark));
    }

    /** Equal-weighted buy-and-hold from the first date, in USD. */
    public BasketDefinition definition() {
        List<String> symbols = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            symbols.add(symbol(i));
        }
        return BasketDefinition.equalWeight("USD", dates.get(0), Rebalance.NONE, symbols);
    }

    public MarketData marketData() {
        MarketData.Builder builder = MarketData.builder();
        for (int i = 0; i < members.size(); i++) {
            builder.member(symbol(i), "USD", members.get(i));
        }
        return builder.build();
    }

    /** The whole history, beta against the benchmark, a 4% risk-free rate. */
    public PerformanceQuery query() {
        return PerformanceQuery.full().withBenchmark(benchmark).withRiskFreeRate(RISK_FREE_RATE);
    }

    static String symbol(int member) {
        return String.format(Locale.ROOT, "M%03d", member);
    }

    private void writeCsv(Path file) throws IOException {
        int[] next = new int[members.size()];
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("date,BENCH");
            for (int i = 0; i < members.size(); i++) {
                out.write(',');
                out.write(symbol(i));
            }
            out.newLine();
            for (int t = 0; t < dates.size(); t++) {
                int day = Math.toIntExact(dates.get(t).toEpochDay());
                out.write(dates.get(t).toString());
                out.write(',');
                out.write(Double.toString(benchmark.value(t)));
                for (int i = 0; i < members.size(); i++) {
                    out.write(',');
                    TimeSeries series = members.get(i);
                    // a missing close stays an empty cell, which pandas reads as NaN
                    if (next[i] < series.size() && series.epochDay(next[i]) == day) {
                        out.write(Double.toString(series.value(next[i]++)));
                    }
                }
                out.newLine();
            }
        }
    }

    private static String resultsJson(Performance performance) {
        Metrics m = performance.metrics();
        double contributionSum = performance.contributions().stream()
                .mapToDouble(Contribution::contribution)
                .sum();
        Contribution first = performance.contributions().get(0);
        TimeSeries levels = performance.series();
        return String.format(
                Locale.ROOT,
                """
                {"lastLevel": %s, "totalReturn": %s, "annualizedReturn": %s, "annualizedVolatility": %s, "sharpe": %s,
                 "maxDrawdown": %s, "maxDrawdownPeak": "%s", "maxDrawdownTrough": "%s", "beta": %s, "correlation": %s,
                 "contributionSum": %s, "firstMemberContribution": %s, "firstMemberReturn": %s}
                """,
                levels.value(levels.size() - 1),
                m.totalReturn(),
                m.annualizedReturn(),
                m.annualizedVolatility(),
                m.sharpe(),
                m.maxDrawdown(),
                m.maxDrawdownPeak(),
                m.maxDrawdownTrough(),
                m.beta(),
                m.correlation(),
                contributionSum,
                first.contribution(),
                first.priceReturn());
    }

    private static List<LocalDate> weekdays(LocalDate start, int count) {
        List<LocalDate> dates = new ArrayList<>(count);
        for (LocalDate date = start; dates.size() < count; date = date.plusDays(1)) {
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                dates.add(date);
            }
        }
        return dates;
    }

    // four decimals keep the CSV short; the printed decimal parses back to exactly this double
    private static double round4(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
