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
        double[] splitFactor = cumulativeFactors(bars, actions, CorporateActionKind.SPLIT, CorporateAction::value);
        double[] dividendFactor = adjustment == Adjustment.TOTAL_RETURN
                ? cumulativeFactors(
                        bars, actions, CorporateActionKind.DIVIDEND, dividend -> dividendFactor(bars, dividend))
                : null;
        List<DailyBar> adjusted = new ArrayList<>(bars.size());
        for (int i = 0; i < bars.size(); i++) {
            DailyBar bar = bars.get(i);
            double priceScale = 1 / splitFactor[i] * (dividendFactor == null ? 1 : dividendFactor[i]);
            adjusted.add(new DailyBar(
                    bar.symbol(),
                    bar.date(),
                    bar.open() * priceScale,
                    bar.high() * priceScale,
                    bar.low() * priceScale,
                    bar.close() * priceScale,
                    Math.round(bar.volume() * splitFactor[i])));
        }
        return adjusted;
    }

    /**
     * For each bar, the product of {@code factor(action)} over the actions of {@code kind} whose
     * ex-date is after the bar's date.
     */
    private static double[] cumulativeFactors(
            List<DailyBar> bars,
            List<CorporateAction> actions,
            CorporateActionKind kind,
            ToDoubleFunction<CorporateAction> factor) {
        List<CorporateAction> ofKind = actions.stream()
                .filter(a -> a.kind() == kind)
                .sorted(Comparator.comparing(CorporateAction::exDate).reversed())
                .toList();
        double[] result = new double[bars.size()];
        double cumulative = 1;
        int next = 0;
        for (int i = bars.size() - 1; i >= 0; i--) {
            LocalDate date = bars.get(i).date();
            while (next < ofKind.size() && ofKind.get(next).exDate().isAfter(date)) {
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
    private static double dividendFactor(List<DailyBar> bars, CorporateAction dividend) {
        int firstOnOrAfter = firstIndexOnOrAfter(bars, dividend.exDate());
        if (firstOnOrAfter == 0) {
            return 1;
        }
        DailyBar prior = bars.get(firstOnOrAfter - 1);
        if (!(dividend.value() < prior.close())) {
            throw new InconsistentDataException("dividend of " + dividend.value() + " on " + dividend.exDate() + " for "
                    + dividend.symbol() + " is not below the prior close " + prior.close() + " of " + prior.date());
        }
        if (firstOnOrAfter == bars.size()) {
            return 1;
        }
        double exClose = bars.get(firstOnOrAfter).close();
        return exClose / (exClose + dividend.value());
    }

    /** The index of the first bar dated on or after {@code exDate}, or {@code bars.size()} when there is none. */
    private static int firstIndexOnOrAfter(List<DailyBar> bars, LocalDate exDate) {
        int low = 0;
        int high = bars.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (bars.get(mid).date().isBefore(exDate)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
