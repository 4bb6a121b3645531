package dev.capflow.basket.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * A random basket for property tests, built from a seed: members with gaps in their closes (some in EUR with an FX
 * series that has gaps too), random weights, a base date that some members did not trade on, and a rebalancing rule.
 */
record Scenario(BasketDefinition definition, List<String> currencies, List<TimeSeries> closes, TimeSeries eurFx) {

    /** A scenario whose closes, on the dates each member traded, follow {@code Random} draws from {@code seed}. */
    static Scenario random(long seed, int memberCount, int dayCount, Rebalance rule) {
        Random random = new Random(seed);
        List<LocalDate> dates = tradingDates(random, dayCount);
        LocalDate base = dates.get(random.nextInt(Math.min(3, dates.size())));
        List<String> currencies = new ArrayList<>();
        List<TimeSeries> closes = new ArrayList<>();
        for (int i = 0; i < memberCount; i++) {
            currencies.add(random.nextDouble() < 0.3 ? "EUR" : "USD");
            closes.add(randomWalk(random, dates, 0.85));
        }
        return new Scenario(
                definition(random, base, rule, memberCount), currencies, closes, randomWalk(random, dates, 0.7));
    }

    /**
     * A scenario with no gaps where, on every last calendar date of a month, each member's close stands at its base-date
     * close times one factor common to all members (between those dates members move apart freely): relative prices are
     * unchanged at every rebalance, so the reset units equal the units held.
     */
    static Scenario movingTogetherAtMonthEnds(long seed, int memberCount, int dayCount, Rebalance rule) {
        Random random = new Random(seed);
        List<LocalDate> dates = tradingDates(random, dayCount);
        LocalDate base = dates.get(0);
        double[] common = new double[dates.size()];
        common[0] = 1;
        for (int t = 1; t < common.length; t++) {
            common[t] = common[t - 1] * Math.exp(0.02 * random.nextGaussian());
        }
        List<String> currencies = new ArrayList<>();
        List<TimeSeries> closes = new ArrayList<>();
        for (int i = 0; i < memberCount; i++) {
            double basePrice = Math.exp(random.nextDouble() * 8 - 2);
            double[] values = new double[dates.size()];
            for (int t = 0; t < values.length; t++) {
                boolean baseOrMonthEnd = t == 0
                        || t + 1 == values.length
                        || dates.get(t).getMonthValue() != dates.get(t + 1).getMonthValue();
                values[t] = basePrice * common[t] * (baseOrMonthEnd ? 1 : Math.exp(0.05 * random.nextGaussian()));
            }
            currencies.add("USD");
            closes.add(TimeSeries.of(dates, values));
        }
        return new Scenario(
                definition(random, base, rule, memberCount),
                currencies,
                closes,
                TimeSeries.of(List.of(), new double[0]));
    }

    MarketData data() {
        return scaled(-1, value -> value);
    }

    /** The market data with {@code member}'s closes (every member's when {@code member < 0}) mapped by {@code scale}. */
    MarketData scaled(int member, DoubleUnaryOperator scale) {
        MarketData.Builder builder = MarketData.builder().fx("EUR", eurFx);
        for (int i = 0; i < closes.size(); i++) {
            TimeSeries series = closes.get(i);
            double[] values = series.values();
            if (member < 0 || member == i) {
                for (int t = 0; t < values.length; t++) {
                    values[t] = scale.applyAsDouble(values[t]);
                }
            }
            int[] days = new int[series.size()];
            for (int t = 0; t < days.length; t++) {
                days[t] = series.epochDay(t);
            }
            builder.member(
                    definition.members().get(i).symbol(), currencies.get(i), TimeSeries.ofEpochDays(days, values));
        }
        return builder.build();
    }

    Scenario withRebalance(Rebalance rule) {
        BasketDefinition changed = new BasketDefinition(
                definition.currency(), definition.baseDate(), definition.baseValue(), rule, definition.members());
        return new Scenario(changed, currencies, closes, eurFx);
    }

    private static BasketDefinition definition(Random random, LocalDate base, Rebalance rule, int memberCount) {
        double[] raw = new double[memberCount];
        double sum = 0;
        for (int i = 0; i < memberCount; i++) {
            raw[i] = 0.05 + random.nextDouble();
            sum += raw[i];
        }
        List<BasketMember> members = new ArrayList<>();
        for (int i = 0; i < memberCount; i++) {
            members.add(new BasketMember("M" + i, raw[i] / sum));
        }
        double baseValue =
                random.nextBoolean() ? BasketDefinition.DEFAULT_BASE_VALUE : Math.exp(random.nextDouble() * 10 - 2);
        return new BasketDefinition("USD", base, baseValue, rule, members);
    }

    /** Roughly two dates in three from a random start, crossing several month ends. */
    private static List<LocalDate> tradingDates(Random random, int count) {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate date = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(700));
        while (dates.size() < count) {
            if (random.nextDouble() < 0.7) {
                dates.add(date);
            }
            date = date.plusDays(1);
        }
        return dates;
    }

    /** A log-normal walk observed on the first date and on each later date with probability {@code presence}. */
    private static TimeSeries randomWalk(Random random, List<LocalDate> dates, double presence) {
        TimeSeries.Builder builder = TimeSeries.builder();
        double price = Math.exp(random.nextDouble() * 10 - 3);
        for (int t = 0; t < dates.size(); t++) {
            price *= Math.exp(0.03 * random.nextGaussian());
            if (t == 0 || random.nextDouble() < presence) {
                builder.add(dates.get(t), price);
            }
        }
        return builder.build();
    }
}
