package dev.capflow.exposure.valuation;

/** How an entity's value was obtained. */
public enum ValuationMethod {
    /** Latest price x shares outstanding, converted to USD at the latest USD{CCY} rate when quoted in another currency. */
    MARKET_CAP,
    /** The entity's recorded mark. */
    MARK
}
