package dev.capflow.ingest.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Restates the daily bars of one symbol for its splits and dividends: a bar dated before an ex-date is divided by the
 * split ratio (volume multiplied), and for total return multiplied by {@code P_ex / (P_ex + D)}, where {@code P_ex} is
 * the raw close of the first bar on or after the dividend's ex-date and {@code D} the cash amount per share as traded
 * on the ex-date (the same units as that close). The return on the ex-date is then CRSP's
 * {@code (P_ex + D) / P_prev - 1}; every other day keeps its price return. Factors compound over every later action.
 */
public final class BarAdjuster {

    private BarAdjuster() {}

    /** Adjusts {@code bars} (one symbol, ascending dates) for {@code actions} of that symbol. */
    public static List<DailyBar> adjust(List<DailyBar> bars, List<CorporateAction> actions, Adjustment adjustment) {
        if (adjustment == Adjustment.NONE || bars.isEmpty() || actions.isEmpty()) {
            return bars;
        }
        Factors factors = factors(CloseSeries.of(bars.get(0).symbol(), bars), actions, adjustment);
        List<DailyBar> adjusted = new ArrayList<>(bars.size());
        for (int i = 0; i < bars.size(); i++) {
            DailyBar bar = bars.get(i);
            double priceScale = factors.priceScale(i);
            adjusted.add(new DailyBar(
                    bar.symbol(),
                    bar.date(),
                    bar.open() * priceScale,
                    bar.high() * priceScale,
                    bar.low() * priceScale,
                    bar.close() * priceScale,
                    Math.round(bar.volume() * factors.split()[i])));
        }
        return adjusted;
    }

    /** Adjusts the closes of {@code series} for {@code actions} of its symbol, as {@link #adjust(List, List, Adjustment)}. */
    public static CloseSeries adjust(CloseSeries series, List<CorporateAction> actions, Adjustment adjustment) {
        if (adjustment == Adjustment.NONE || series.size() == 0 || actions.isEmpty()) {
            return series;
        }
        Factors factors = factors(series, actions, adjustment);
        double[] closes = new double[series.size()];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = series.closes()[i] * factors.priceScale(i);
        }
        return new CloseSeries(series.symbol(), series.epochDays(), closes);
    }

    /** Per bar: the split factor, and the dividend factor for total return (null otherwise). */
    private record Factors(double[] split, double[] dividend) {

        double priceScale(int i) {
            return 1 / split[i] * (dividend == null ? 1 : dividend[i]);
        }
    }

    private static Factors factors(CloseSeries raw, List<CorporateAction> actions, Adjustment adjustment) {
        double[] split = cumulativeFactors(raw.epochDays(), actions, CorporateActionKind.SPLIT, CorporateAction::value);
        double[] dividend = adjustment == Adjustment.TOTAL_RETURN
                ? cumulativeFactors(
                        raw.epochDays(), actions, CorporateActionKind.DIVIDEND, action -> dividendFactor(raw, action))
                : null;
        return new Factors(split, dividend);
    }

    /**
     * For each bar, the product of {@code factor(action)} over the actions of {@code kind} whose
     * ex-date is after the bar's date.
     */
    private static double[] cumulativeFactors(
            int[] epochDays,
            List<CorporateAction> actions,
            CorporateActionKind kind,
            ToDoubleFunction<CorporateAction> factor) {
        List<CorporateAction> ofKind = actions.stream()
                .filter(a -> a.kind() == kind)
                .sorted(Comparator.comparing(CorporateAction::exDate).reversed())
                .toList();
        double[] result = new double[epochDays.length];
        double cumulative = 1;
        int next = 0;
        for (int i = epochDays.length - 1; i >= 0; i--) {
            while (next < ofKind.size() && ofKind.get(next).exDate().toEpochDay() > epochDays[i]) {
                cumulative *= factor.applyAsDouble(ofKind.get(next));
                next++;
            }
            result[i] = cumulative;
        }
        return result;
    }

    /**
     * {@code P_ex / (P_ex + D)}, with {@code P_ex} the raw close of the first bar on or after the ex-date; 1 when no bar
     * precedes the ex-date (nothing to restate) or none is on or after it yet (every bar is restated alike, so no
     * return changes). A dividend not below the close before the ex-date is a data error.
     */
    private static double dividendFactor(CloseSeries raw, CorporateAction dividend) {
        int firstOnOrAfter = firstIndexOnOrAfter(raw.epochDays(), dividend.exDate());
        if (firstOnOrAfter == 0) {
            return 1;
        }
        double priorClose = raw.closes()[firstOnOrAfter - 1];
        if (!(dividend.value() < priorClose)) {
            throw new InconsistentDataException("dividend of " + dividend.value() + " on " + dividend.exDate() + " for "
                    + dividend.symbol() + " is not below the prior close " + priorClose + " of "
                    + LocalDate.ofEpochDay(raw.epochDays()[firstOnOrAfter - 1]));
        }
        if (firstOnOrAfter == raw.size()) {
            return 1;
        }
        double exClose = raw.closes()[firstOnOrAfter];
        return exClose / (exClose + dividend.value());
    }

    /** The index of the first bar dated on or after {@code exDate}, or the number of bars when there is none. */
    private static int firstIndexOnOrAfter(int[] epochDays, LocalDate exDate) {
        long exDay = exDate.toEpochDay();
        int low = 0;
        int high = epochDays.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (epochDays[mid] < exDay) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
