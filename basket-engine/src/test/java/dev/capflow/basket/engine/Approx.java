package dev.capflow.basket.engine;

import static org.assertj.core.api.Assertions.assertThat;

/** Relative floating-point comparison used by the reference-value tests. */
final class Approx {

    private Approx() {}

    /** Asserts {@code |actual - expected| <= relative * max(|actual|, |expected|, 1e-6)}. */
    static void assertClose(double actual, double expected, double relative, String what) {
        double scale = Math.max(Math.max(Math.abs(actual), Math.abs(expected)), 1e-6);
        assertThat(Math.abs(actual - expected))
                .as("%s: actual %s, expected %s", what, actual, expected)
                .isLessThanOrEqualTo(relative * scale);
    }
}
