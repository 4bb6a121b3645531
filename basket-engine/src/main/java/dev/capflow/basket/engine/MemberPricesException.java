package dev.capflow.basket.engine;

/**
 * A member's market data cannot serve the basket's definition (no price series, no close at or near the base date, a
 * close that is not positive, no FX series): a condition of the stored basket and the data, not of a request, so a
 * caller maps it to a failed precondition naming the member ({@code members[i].symbol}), not to a bad argument.
 */
public final class MemberPricesException extends BasketArgumentException {

    private static final long serialVersionUID = 1L;

    public MemberPricesException(String member, String message) {
        super(member, message);
    }
}
