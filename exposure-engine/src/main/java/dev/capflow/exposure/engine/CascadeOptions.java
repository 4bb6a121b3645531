package dev.capflow.exposure.engine;

import java.util.OptionalDouble;

/**
 * Failure cascade of the cross-holdings model: with {@code theta}, an entity whose value falls below
 * {@code theta x} its value today fails, and its primary value loses {@code beta x} its value today more; without
 * {@code theta}, no entity fails. Both are fractions of today's value.
 */
public record CascadeOptions(OptionalDouble theta, double beta) {

    /**
     * The largest failure cost (10 times the value today), as {@link CrossHoldings#MAX_VALUE_CHANGE} bounds a shock:
     * beyond it figures lose all meaning, and at 1e308 the lost values overflow to Infinity and the answer to NaN.
     */
    public static final double MAX_BETA = 10;

    public CascadeOptions {
        if (theta.isPresent() && !(theta.getAsDouble() >= 0 && theta.getAsDouble() <= 1)) {
            throw new GraphException(
                    "options.theta", "options", "must be a fraction in [0, 1], got " + theta.getAsDouble());
        }
        if (!(beta >= 0 && beta <= MAX_BETA)) {
            throw new GraphException(
                    "options.beta",
                    "options",
                    "must be a fraction of today's value in [0, " + MAX_BETA + "], got " + beta);
        }
    }

    /** No failures: the linear revaluation only. */
    public static CascadeOptions none() {
        return new CascadeOptions(OptionalDouble.empty(), 0);
    }

    /** Failure below {@code theta}, at a cost of {@code beta}. */
    public static CascadeOptions failures(double theta, double beta) {
        return new CascadeOptions(OptionalDouble.of(theta), beta);
    }
}
