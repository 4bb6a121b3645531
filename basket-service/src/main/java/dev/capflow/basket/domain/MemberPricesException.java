package dev.capflow.basket.domain;

/**
 * A stored basket's member cannot be priced as its definition needs (no close at or near the base date, no price
 * series, a non-positive close): a condition of the stored basket and the market data, not of the request, so
 * FAILED_PRECONDITION naming the member ({@code members[i].symbol}) in a google.rpc.PreconditionFailure.
 */
public class MemberPricesException extends MissingDataException {

    private static final long serialVersionUID = 1L;

    /** The PreconditionFailure violation type. */
    public static final String TYPE = "MEMBER_PRICES";

    private final String member;
    private final String reason;

    public MemberPricesException(String member, String reason) {
        super(member + ": " + reason);
        this.member = member;
        this.reason = reason;
    }

    /** The member's path in the basket definition, {@code members[i].symbol}. */
    public String member() {
        return member;
    }

    public String reason() {
        return reason;
    }
}
