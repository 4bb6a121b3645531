package dev.capflow.exposure.baskets;

import java.util.List;

/** A basket's members weighed by current value, or why they could not be ({@code unavailableReason} non-empty). */
public record BasketHolding(String basketId, String name, List<MemberWeight> members, String unavailableReason) {

    public BasketHolding {
        members = List.copyOf(members);
    }

    static BasketHolding unavailable(String basketId, String name, String reason) {
        return new BasketHolding(basketId, name, List.of(), reason);
    }

    public boolean available() {
        return unavailableReason.isEmpty();
    }
}
