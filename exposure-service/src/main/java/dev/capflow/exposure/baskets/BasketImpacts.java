package dev.capflow.exposure.baskets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The impact of entity value changes on basket levels: a member's price moves by its entity's relative change, so a
 * basket's level moves by {@code sum_m currentWeight_m x relativeChange(entity_m)}; a member whose symbol is no entity's
 * ticker or listing does not move.
 */
public final class BasketImpacts {

    private BasketImpacts() {}

    /**
     * One impact per basket of {@code book}; {@code entityBySymbol} maps tickers and listings to entity ids,
     * {@code relativeChange} entity ids to their change (absent: 0).
     */
    public static List<BasketImpact> of(
            BasketBook book, Map<String, String> entityBySymbol, Map<String, Double> relativeChange) {
        List<BasketImpact> impacts = new ArrayList<>();
        for (BasketHolding basket : book.baskets()) {
            if (!basket.available()) {
                impacts.add(new BasketImpact(
                        basket.basketId(), basket.name(), Double.NaN, List.of(), basket.unavailableReason()));
                continue;
            }
            List<MemberImpact> members = new ArrayList<>();
            double levelChange = 0;
            for (MemberWeight member : basket.members()) {
                String entity = entityBySymbol.getOrDefault(member.symbol(), "");
                double change = relativeChange.getOrDefault(entity, 0.0);
                members.add(new MemberImpact(member.symbol(), entity, member.currentWeight(), change));
                levelChange += member.currentWeight() * change;
            }
            impacts.add(new BasketImpact(basket.basketId(), basket.name(), levelChange, members, ""));
        }
        return impacts;
    }
}
