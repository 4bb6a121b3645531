package dev.capflow.exposure.engine;

/** What an edge {@code from -> to} of the funding graph records (docs/stress-models.md). */
public enum EdgeKind {
    /** {@code from} owns the fraction {@code share} of {@code to}'s equity. */
    EQUITY,
    /** {@code from} commits {@code amountUsd} of capital to {@code to}; cash flows from -> to. */
    INVESTMENT,
    /** {@code from} contracts to buy {@code amountUsd} of chips, compute or services from {@code to}; cash flows from -> to. */
    PURCHASE,
    /** {@code from} backstops {@code amountUsd} of {@code to}'s obligations or unused capacity. */
    GUARANTEE;

    /** Whether cash flows along edges of this kind, so that they can form money loops. */
    public boolean carriesCash() {
        return this == INVESTMENT || this == PURCHASE;
    }
}
