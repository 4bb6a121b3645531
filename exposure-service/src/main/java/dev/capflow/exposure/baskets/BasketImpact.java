package dev.capflow.exposure.baskets;

import java.util.List;

/** The change of a basket's level implied by its members' entities (NaN when {@code unavailableReason} is set). */
public record BasketImpact(
        String basketId, String name, double levelChange, List<MemberImpact> members, String unavailableReason) {

    public BasketImpact {
        members = List.copyOf(members);
    }
}
