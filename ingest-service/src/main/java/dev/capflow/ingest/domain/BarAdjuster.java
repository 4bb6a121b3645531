package dev.capflow.ingest.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Restates the daily bars of one symbol for its splits and dividends (the CRSP/Yahoo method): a bar
 * dated before an ex-date is divided by the split ratio (volume multiplied), and for total return
 * multiplied by {@code 1 - amount / close}, where close is the raw close of the last bar before the
 * dividend's ex-date. Factors compound over every later action.
 */
public final class BarAdjuster {

    private BarAdjuster() {
    }

    /** Adjusts {@code bars} (one symbol, ascending dates) for {@code actions} of that symbol. */
    public static List<DailyBar> adjust(List<DailyBar> bars, List<CorporateAction> actions, Adjustment adjustment) {
        if (adjustment == Adjustment.NONE || bars.isEmpty() || actions.isEmpty()) {
            return bars;
        }
        double[] splitFactor = cumulativeFactors(bars, actions, CorporateActionKind.SPLIT, CorporateAction::value);
        double[] dividendFactor = adjustment == Adjustment.TOTAL_RETURN
                ? cumulativeFactors(bars, actions, CorporateActionKind.DIVIDEND, dividend -> dividendFactor(bars, dividend))
                : null;
        List<DailyBar> adjusted = new ArrayList<>(bars.size());
        for (int i = 0; i < bars.size(); i++) {
            DailyBar bar = bars.get(i);
            double priceScale = 1 / splitFactor[i] * (dividendFactor == null ? 1 : dividendFactor[i]);
            adjusted.add(new DailyBar(bar.symbol(), bar.date(), bar.open() * priceScale, bar.high() * priceScale,
                    bar.low() * priceScale, bar.close() * priceScale, Math.round(bar.volume() * splitFactor[i])));
        }
        return adjusted;
    }

    /**
     * For each bar, the product of {@code factor(action)} over the actions of {@code kind} whose
     * ex-date is after the bar's date.
     */
    private static double[] cumulativeFactors(List<DailyBar> bars, List<CorporateAction> actions,
            CorporateActionKind kind, ToDoubleFunction<CorporateAction> factor) {
        List<CorporateAction> ofKind = actions.stream().filter(a -> a.kind() == kind)
                .sorted(Comparator.comparing(CorporateAction::exDate).reversed()).toList();
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

    /** {@code 1 - amount / close} of the last bar before the ex-date; 1 when no bar precedes it. */
    private static double dividendFactor(List<DailyBar> bars, CorporateAction dividend) {
        DailyBar prior = lastBarBefore(bars, dividend.exDate());
        if (prior == null) {
            return 1;
        }
        double factor = 1 - dividend.value() / prior.close();
        if (!(factor > 0 && factor <= 1)) {
            throw new InconsistentDataException("dividend of " + dividend.value() + " on " + dividend.exDate() + " for "
                    + dividend.symbol() + " is not below the prior close " + prior.close() + " of " + prior.date());
        }
        return factor;
    }

    private static DailyBar lastBarBefore(List<DailyBar> bars, LocalDate exDate) {
        int low = 0;
        int high = bars.size() - 1;
        DailyBar found = null;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (bars.get(mid).date().isBefore(exDate)) {
                found = bars.get(mid);
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }
}
