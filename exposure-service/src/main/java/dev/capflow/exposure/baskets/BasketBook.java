package dev.capflow.exposure.baskets;

import java.util.List;

/** Every basket of basket-service with its current weights, or why basket-service could not be read. */
public record BasketBook(List<BasketHolding> baskets, String unavailableReason) {

    public BasketBook {
        baskets = List.copyOf(baskets);
    }

    static BasketBook unavailable(String reason) {
        return new BasketBook(List.of(), reason);
    }
}
