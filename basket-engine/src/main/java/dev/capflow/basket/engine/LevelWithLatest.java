package dev.capflow.basket.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last level of a basket whose stored history stays fixed while the latest closes of its members and FX rates move
 * (live prices): exactly the last level of {@link BasketEngine#levels} over the history with each {@link LatestClose}
 * applied. The history's levels are computed once; a level resumes them from the last calendar date before the
 * earliest latest close that counts (its level, the units held and the prices are fixed by then), so it walks only the
 * days from there on instead of the whole history. Thread-safe: nothing changes after construction.
 */
public final class LevelWithLatest {

    private final BasketDefinition basket;
    private final MarketData history;
    private final List<String> symbols;
    /** Per member: the currency of its FX series, or null when it is quoted in the basket currency. */
    private final List<String> fxCurrencies;

    private final MemberInputs inputs;
    private final BasketLevels stored;

    private LevelWithLatest(BasketDefinition basket, MarketData history, MemberInputs inputs, BasketLevels stored) {
        this.basket = basket;
        this.history = history;
        this.symbols = basket.symbols();
        this.fxCurrencies = new ArrayList<>(symbols.size());
        for (int i = 0; i < symbols.size(); i++) {
            fxCurrencies.add(
                    inputs == null || inputs.fx().get(i) == null
                            ? null
                            : history.member(symbols.get(i)).orElseThrow().currency());
        }
        this.inputs = inputs;
        this.stored = stored;
    }

    /** Computes the levels of {@code history}; when it is not a valid basket by itself, each level computes everything. */
    public static LevelWithLatest of(BasketDefinition basket, MarketData history) {
        try {
            MemberInputs inputs = MemberInputs.resolve(basket, history);
            return new LevelWithLatest(basket, history, inputs, LevelCalculator.compute(basket, inputs));
        } catch (BasketArgumentException invalidAlone) {
            // the latest closes may still complete it (or fail it with their own error): leave the answer to them
            return new LevelWithLatest(basket, history, null, null);
        }
    }

    /**
     * The level on the last date, with {@code memberCloses} (by member symbol) and {@code fxRates} (by currency)
     * applied; a close of a symbol or currency the basket does not use changes nothing. Raises what
     * {@link BasketEngine#levels} raises for that history.
     */
    public double level(Map<String, LatestClose> memberCloses, Map<String, LatestClose> fxRates) {
        if (stored == null || !allPositiveAndFinite(memberCloses) || !allPositiveAndFinite(fxRates)) {
            return fullLevel(memberCloses, fxRates);
        }
        int firstChangedDay = Integer.MAX_VALUE;
        for (int i = 0; i < symbols.size(); i++) {
            firstChangedDay = Math.min(
                    firstChangedDay,
                    dayIfCounts(
                            memberCloses.get(symbols.get(i)), inputs.closes().get(i)));
            if (fxCurrencies.get(i) != null) {
                firstChangedDay = Math.min(
                        firstChangedDay,
                        dayIfCounts(
                                fxRates.get(fxCurrencies.get(i)), inputs.fx().get(i)));
            }
        }
        int[] calendar = stored.calendar();
        double[] levels = stored.levels();
        if (firstChangedDay == Integer.MAX_VALUE) {
            return levels[levels.length - 1];
        }
        // the last calendar date before the first changed day: everything up to its close stays as stored
        int resumeAt = lastIndexBefore(calendar, firstChangedDay);
        if (resumeAt < 0) {
            return fullLevel(memberCloses, fxRates);
        }
        int resumeDay = calendar[resumeAt];
        List<TimeSeries> closes = new ArrayList<>(symbols.size());
        List<TimeSeries> fx = new ArrayList<>(symbols.size());
        for (int i = 0; i < symbols.size(); i++) {
            closes.add(tail(inputs.closes().get(i), resumeDay, memberCloses.get(symbols.get(i))));
            TimeSeries rate = inputs.fx().get(i);
            fx.add(rate == null ? null : tail(rate, resumeDay, fxRates.get(fxCurrencies.get(i))));
        }
        BasketLevels resumed = LevelCalculator.compute(
                basket, new MemberInputs(closes, fx), resumeDay, levels[resumeAt], stored.unitsHeldAt(resumeAt));
        return resumed.levels()[resumed.size() - 1];
    }

    /** Everything again, over the history with the latest closes applied: when the stored levels cannot be resumed. */
    private double fullLevel(Map<String, LatestClose> memberCloses, Map<String, LatestClose> fxRates) {
        MarketData.Builder data = MarketData.builder();
        Map<String, TimeSeries> rates = new LinkedHashMap<>();
        for (String symbol : symbols) {
            history.member(symbol).ifPresent(member -> {
                data.member(symbol, member.currency(), applied(member.closes(), memberCloses.get(symbol)));
                history.fx(member.currency())
                        .ifPresent(rate -> rates.put(member.currency(), applied(rate, fxRates.get(member.currency()))));
            });
        }
        rates.forEach(data::fx);
        TimeSeries levels = new BasketEngine().levels(basket, data.build()).series();
        return levels.value(levels.size() - 1);
    }

    private static TimeSeries applied(TimeSeries series, LatestClose latest) {
        return latest == null ? series : latest.appliedTo(series);
    }

    /** The points of {@code series} from its last one at or before {@code day}, with {@code latest} applied. */
    private static TimeSeries tail(TimeSeries series, int day, LatestClose latest) {
        return applied(series.from(series.indexAtOrBefore(day)), latest);
    }

    private static int dayIfCounts(LatestClose latest, TimeSeries series) {
        return latest != null && latest.counts(series) ? latest.epochDay() : Integer.MAX_VALUE;
    }

    private static int lastIndexBefore(int[] calendar, int day) {
        int found = Arrays.binarySearch(calendar, day);
        return (found >= 0 ? found : -found - 1) - 1;
    }

    // a close the engine would reject (TimeSeries, MemberInputs) is left to the full computation, which names it
    private static boolean allPositiveAndFinite(Map<String, LatestClose> closes) {
        for (LatestClose close : closes.values()) {
            if (!(close.value() > 0) || !Double.isFinite(close.value())) {
                return false;
            }
        }
        return true;
    }
}
