package dev.capflow.basket.engine;

/** When a basket resets its units to the target weights: never, or at the last calendar date of each month or quarter. */
public enum Rebalance {
    /** Buy-and-hold from the base date. */
    NONE,
    /** At the close of the last calendar date of every month. */
    MONTHLY,
    /** At the close of the last calendar date of March, June, September and December. */
    QUARTERLY
}
