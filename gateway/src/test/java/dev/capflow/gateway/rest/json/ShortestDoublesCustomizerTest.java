package dev.capflow.gateway.rest.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShortestDoublesCustomizerTest {

    private final ObjectMapper shortest = new ObjectMapper();
    private final ObjectMapper plain = new ObjectMapper();

    ShortestDoublesCustomizerTest() {
        new ShortestDoublesCustomizer().customize(shortest);
    }

    @Test
    void everyWrittenDoubleReadsBackAsTheSameDouble() throws IOException {
        SplittableRandom random = new SplittableRandom(15);
        List<Double> values = new ArrayList<>(List.of(
                0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1e-3, 1e7, 2e23));
        for (int i = 0; i < 200_000; i++) {
            values.add(Double.longBitsToDouble(random.nextLong())); // any bit pattern: every exponent
            values.add(100 * (1 + random.nextDouble(-0.5, 0.5))); // basket levels
            values.add(random.nextDouble(-1, 1)); // returns, weights, spreads
        }
        values.removeIf(value -> !Double.isFinite(value)); // never written: the views send null for them

        double[] written = shortest.readValue(shortest.writeValueAsBytes(values), double[].class);

        assertThat(written).hasSize(values.size());
        for (int i = 0; i < written.length; i++) {
            assertThat(Double.doubleToRawLongBits(written[i]))
                    .as("%s", values.get(i))
                    .isEqualTo(Double.doubleToRawLongBits(values.get(i)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"answers/performance.json", "answers/compare.json"})
    void realAnswersAreWrittenAsTheyWereAndReadBackEqual(String answer) throws IOException {
        JsonNode tree;
        try (InputStream stored = getClass().getClassLoader().getResourceAsStream(answer)) {
            tree = plain.readTree(stored);
        }
        List<Double> numbers = new ArrayList<>();
        collectDoubles(tree, numbers);
        assertThat(numbers).hasSizeGreaterThan(40);

        assertThat(shortest.writeValueAsString(tree)).isEqualTo(plain.writeValueAsString(tree));
        assertThat(shortest.readTree(shortest.writeValueAsBytes(tree))).isEqualTo(tree);
    }

    /**
     * Java 17's {@code Double.toString} writes these one digit longer than needed ({@code 1.9999999999999998E23} for
     * 2e23); the text written now is the shortest, and both texts read back as the same double.
     */
    @ParameterizedTest
    @CsvSource({"2e23, 2.0E23", "8.41e21, 8.41E21", "-1.9312573349870538e17, -1.9312573349870538E17"})
    void theTextOfADoubleIsTheShortestThatReadsBackAsIt(double value, String text) throws IOException {
        assertThat(shortest.writeValueAsString(value)).isEqualTo(text);
        assertThat(Double.parseDouble(plain.writeValueAsString(value))).isEqualTo(value);
    }

    private static void collectDoubles(JsonNode node, List<Double> numbers) {
        if (node.isDouble()) {
            numbers.add(node.doubleValue());
        }
        node.forEach(child -> collectDoubles(child, numbers));
    }
}
