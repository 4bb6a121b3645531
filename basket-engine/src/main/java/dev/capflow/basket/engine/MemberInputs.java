package dev.capflow.basket.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Each member's closes and, when its currency is not the basket's, its FX series, checked: present, positive, and
 * with a close at or before the base date ({@link MemberPricesException} otherwise).
 */
record MemberInputs(List<TimeSeries> closes, List<TimeSeries> fx) {

    static MemberInputs resolve(BasketDefinition basket, MarketData data) {
        List<BasketMember> members = basket.members();
        int baseDay = Math.toIntExact(basket.baseDate().toEpochDay());
        List<TimeSeries> closes = new ArrayList<>(members.size());
        List<TimeSeries> fx = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            String symbol = members.get(i).symbol();
            String field = "members[" + i + "].symbol";
            MarketData.MemberPrices member = data.member(symbol)
                    .orElseThrow(() -> new MemberPricesException(field, "no price series for member " + symbol));
            requirePositive(member.closes(), field, "close of " + symbol);
            if (member.closes().indexAtOrBefore(baseDay) < 0) {
                throw new MemberPricesException(
                        field, "member " + symbol + " has no price at or before the base date " + basket.baseDate());
            }
            closes.add(member.closes());
            if (member.currency().equals(basket.currency())) {
                fx.add(null);
            } else {
                TimeSeries rate = data.fx(member.currency())
                        .orElseThrow(() -> new MemberPricesException(
                                field,
                                "no FX series from " + member.currency() + " to " + basket.currency() + " for member "
                                        + symbol));
                requirePositive(rate, field, member.currency() + "->" + basket.currency() + " rate for " + symbol);
                if (rate.indexAtOrBefore(baseDay) < 0) {
                    throw new MemberPricesException(
                            field,
                            "the FX series for member " + symbol + " has no rate at or before the base date "
                                    + basket.baseDate());
                }
                fx.add(rate);
            }
        }
        return new MemberInputs(closes, fx);
    }

    private static void requirePositive(TimeSeries series, String field, String what) {
        int bad = series.firstNonPositive();
        if (bad >= 0) {
            throw new MemberPricesException(
                    field, what + " on " + series.date(bad) + " is not positive: " + series.value(bad));
        }
    }
}
