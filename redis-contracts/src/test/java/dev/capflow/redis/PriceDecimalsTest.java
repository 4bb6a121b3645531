package dev.capflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PriceDecimalsTest {

    @Test
    void everyCentPriceUpToOneHundredThousandIsWrittenAsDoubleToString() {
        StringBuilder text = new StringBuilder();
        for (long cents = 0; cents < 10_000_000; cents++) {
            double price = cents / 100.0;
            text.setLength(0);
            String expected = Double.toString(price);
            if (!PriceDecimals.append(text, price).toString().equals(expected)) {
                assertThat(text.toString()).as("cents %d", cents).isEqualTo(expected);
            }
        }
    }

    @Test
    void pricesOfUpToNineDecimalsAndEveryRangeAreWrittenAsDoubleToString() {
        SplittableRandom random = new SplittableRandom(3);
        double[] units = {1, 10, 1e3, 1e4, 1e5, 1e6, 1e7, 1e9};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2_000_000; i++) {
            double price = switch (i % 4) {
                case 0 -> random.nextLong(100_000_000_000L) / units[random.nextInt(units.length)];
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(-6, 12));
                case 2 -> Double.longBitsToDouble(random.nextLong(Double.doubleToLongBits(Double.MAX_VALUE)));
                default -> 1e7 - random.nextInt(1_000) / 1e3; // just under the end of the plain range
            };
            text.setLength(0);
            String expected = Double.toString(price);
            if (!PriceDecimals.append(text, price).toString().equals(expected)) {
                assertThat(text.toString())
                        .as("price bits %x", Double.doubleToLongBits(price))
                        .isEqualTo(expected);
            }
        }
        for (double edge : new double[] {1e-3, 0.00099, 9_999_999.999999, 1e7, 0.1, 0.2, 0.3, 100.0, 0.000001, 2e23}) {
            text.setLength(0);
            assertThat(PriceDecimals.append(text, edge).toString()).isEqualTo(Double.toString(edge));
        }
    }
}
