package dev.capflow.ingest.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps every recorded cash dividend below its prior close (the close of the last bar before its ex-date), which
 * the total-return adjustment {@code P_ex / (P_ex + D)} needs. Recording a dividend checks it against the bars
 * stored then; this checks the bars written afterwards: a new or corrected bar that would become a dividend's prior
 * close must close above the dividend.
 */
public final class DividendPriorCloses {

    private DividendPriorCloses() {}

    /**
     * A recorded dividend and the date of the last stored bar before its ex-date ({@code null} when there is none).
     */
    public record RecordedDividend(String symbol, LocalDate exDate, double amount, LocalDate lastBarBefore) {}

    /** A bar that may not be written: its position in the written list and why. */
    public record Refusal(int position, String reason) {}

    /**
     * The bars of {@code bars} (one write, in {@code mode}) that would leave a dividend at or above its prior close.
     * Each refused bar stays unwritten, so the bar before it becomes the candidate in turn. In INSERT mode a bar
     * dated on the stored last bar's day changes nothing (the stored one stays), and of two bars with one key the
     * first is the one written.
     */
    public static List<Refusal> refusals(List<DailyBar> bars, List<RecordedDividend> dividends, BarWriteMode mode) {
        Map<String, List<Integer>> positionsBySymbol = new HashMap<>();
        for (int i = 0; i < bars.size(); i++) {
            positionsBySymbol
                    .computeIfAbsent(bars.get(i).symbol(), symbol -> new ArrayList<>())
                    .add(i);
        }
        boolean[] refused = new boolean[bars.size()];
        List<Refusal> refusals = new ArrayList<>();
        for (RecordedDividend dividend : dividends) {
            List<Integer> positions = positionsBySymbol.getOrDefault(dividend.symbol(), List.of());
            int prior;
            while ((prior = writtenPriorBar(bars, positions, refused, dividend, mode)) >= 0
                    && !(bars.get(prior).close() > dividend.amount())) {
                refused[prior] = true;
                refusals.add(new Refusal(prior, reason(bars.get(prior), dividend)));
            }
        }
        return refusals;
    }

    /**
     * The position of the written bar (among {@code positions}, the dividend's symbol's, ascending) that would be
     * {@code dividend}'s prior close, or -1 when a stored one is.
     */
    private static int writtenPriorBar(
            List<DailyBar> bars,
            List<Integer> positions,
            boolean[] refused,
            RecordedDividend dividend,
            BarWriteMode mode) {
        int prior = -1;
        for (int i : positions) {
            DailyBar bar = bars.get(i);
            if (refused[i]
                    || !bar.date().isBefore(dividend.exDate())
                    || !changesPriorClose(bar.date(), dividend.lastBarBefore(), mode)) {
                continue;
            }
            // a later date wins; of one date, the first bar (an INSERT writes the first of a repeated key)
            if (prior < 0 || bar.date().isAfter(bars.get(prior).date())) {
                prior = i;
            }
        }
        return prior;
    }

    private static boolean changesPriorClose(LocalDate date, LocalDate lastStored, BarWriteMode mode) {
        if (lastStored == null) {
            return true;
        }
        return mode == BarWriteMode.REPLACE ? !date.isBefore(lastStored) : date.isAfter(lastStored);
    }

    private static String reason(DailyBar bar, RecordedDividend dividend) {
        return "must be above the cash dividend of " + dividend.amount() + " that " + dividend.symbol()
                + " goes ex on " + dividend.exDate() + ", whose prior close this bar would be (got " + bar.close()
                + ")";
    }
}
