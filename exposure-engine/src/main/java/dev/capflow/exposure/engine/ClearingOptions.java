package dev.capflow.exposure.engine;

/**
 * Options of the payment-clearing model: {@code horizonYears} of revenue count as external resources (with the cash),
 * and the Rogers-Veraart default costs: a defaulting entity realises {@code alpha} of its external resources and
 * {@code beta} of what it is paid. {@code alpha = beta = 1} is the Eisenberg-Noe model without default costs.
 */
public record ClearingOptions(double horizonYears, double alpha, double beta) {

    /** The horizon when none is given: five years of revenue. */
    public static final double DEFAULT_HORIZON_YEARS = 5;

    /** The longest horizon: a century of revenue is already beyond any obligation's term. */
    public static final double MAX_HORIZON_YEARS = 100;

    /** The shortest horizon: one day of revenue; a shorter one is a typo, not a scenario. */
    public static final double MIN_HORIZON_YEARS = 1.0 / 365;

    public ClearingOptions {
        if (!(horizonYears >= MIN_HORIZON_YEARS && horizonYears <= MAX_HORIZON_YEARS)) {
            throw new GraphException(
                    "options.horizon_years",
                    "options",
                    "must be a number of years from one day (1/365) to " + MAX_HORIZON_YEARS + ", got " + horizonYears);
        }
        checkFraction("options.alpha", alpha);
        checkFraction("options.beta", beta);
    }

    /** Five years of revenue, no default costs. */
    public static ClearingOptions defaults() {
        return new ClearingOptions(DEFAULT_HORIZON_YEARS, 1, 1);
    }

    /** Whether a defaulting entity loses part of what it has (alpha or beta below 1). */
    public boolean hasDefaultCosts() {
        return alpha < 1 || beta < 1;
    }

    private static void checkFraction(String field, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new GraphException(field, "options", "must be a fraction in (0, 1], got " + value);
        }
    }
}
