package dev.capflow.basket.domain;

import dev.capflow.basket.engine.BasketDefinition;
import dev.capflow.basket.engine.BasketMember;
import dev.capflow.basket.engine.Rebalance;
import java.time.LocalDate;
import java.util.List;

/** A validated basket definition (docs/design.md section 4) at one optimistic-lock version. */
public record Basket(
        String id,
        String name,
        String currency,
        LocalDate baseDate,
        double baseValue,
        Weighting weighting,
        Rebalance rebalance,
        List<Member> members,
        long version) {

    public Basket {
        members = List.copyOf(members);
    }

    /** The member symbols, in definition order. */
    public List<String> symbols() {
        return members.stream().map(Member::symbol).toList();
    }

    /** This basket with another id and version. */
    public Basket withIdentity(String newId, long newVersion) {
        return new Basket(newId, name, currency, baseDate, baseValue, weighting, rebalance, members, newVersion);
    }

    /** The engine's view of this basket (validated by the engine's own rules on construction). */
    public BasketDefinition toDefinition() {
        return new BasketDefinition(
                currency,
                baseDate,
                baseValue,
                rebalance,
                members.stream()
                        .map(m -> new BasketMember(m.symbol(), m.weight()))
                        .toList());
    }
}
