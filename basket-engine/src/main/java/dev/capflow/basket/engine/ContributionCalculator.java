package dev.capflow.basket.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Each member's share of the basket's return over a window: the sum over holding periods of
 * {@code units_i * (P_i(end) - P_i(start)) / level(from)}; the shares add up to the total return. Also each member's
 * weight at the window's last close, {@code units_i * P_i(to) / level(to)} with the units that priced that close.
 */
final class ContributionCalculator {

    private ContributionCalculator() {}

    static List<Contribution> compute(BasketLevels basket, Window window) {
        int memberCount = basket.memberCount();
        double[] priceFrom = new double[memberCount];
        double[] priceTo = new double[memberCount];
        for (int i = 0; i < memberCount; i++) {
            priceFrom[i] = basket.priceAt(i, window.first());
            priceTo[i] = basket.priceAt(i, window.last());
        }
        int[] starts = basket.segmentStarts();
        double[][] units = basket.segmentUnits();
        double[][] boundaries = basket.boundaryPrices();
        int last = basket.size() - 1;
        double[] gain = new double[memberCount];
        for (int k = 0; k < starts.length; k++) {
            // units of period k are held from the close of its start to the close of the next period's start
            int periodEnd = k + 1 < starts.length ? starts[k + 1] : last;
            int start = Math.max(starts[k], window.first());
            int end = Math.min(periodEnd, window.last());
            if (end <= start) {
                continue;
            }
            double[] atStart = start == starts[k] ? boundaries[k] : priceFrom;
            double[] atEnd = end == periodEnd ? boundaries[k + 1] : priceTo;
            for (int i = 0; i < memberCount; i++) {
                gain[i] += units[k][i] * (atEnd[i] - atStart[i]);
            }
        }
        double startLevel = basket.levels()[window.first()];
        double endLevel = basket.levels()[window.last()];
        double[] endUnits = basket.unitsHeldAt(window.last());
        List<BasketMember> members = basket.definition().members();
        List<Contribution> contributions = new ArrayList<>(memberCount);
        for (int i = 0; i < memberCount; i++) {
            contributions.add(new Contribution(
                    members.get(i).symbol(),
                    members.get(i).weight(),
                    priceTo[i] / priceFrom[i] - 1,
                    gain[i] / startLevel,
                    endUnits[i] * priceTo[i] / endLevel));
        }
        return contributions;
    }
}
