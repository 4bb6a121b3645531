package dev.capflow.exposure.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.capflow.randomcases.RandomCases;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The worked examples of Elliott, Golub and Jackson (2014) in docs/stress-models.md, and invariants of the model. */
class CrossHoldingsTest {

    /** C = [[0, .2, .3], [.3, 0, .2], [.2, .3, 0]]: every column sums to .5, so C^ = diag(.5, .5, .5). */
    private static final FundingGraph THREE_FIRMS = FundingGraph.of(
            List.of("firm1", "firm2", "firm3"),
            List.of(
                    Edge.equity("c12", 0, 1, 0.2), Edge.equity("c13", 0, 2, 0.3),
                    Edge.equity("c21", 1, 0, 0.3), Edge.equity("c23", 1, 2, 0.2),
                    Edge.equity("c31", 2, 0, 0.2), Edge.equity("c32", 2, 1, 0.3)));

    /*
     * Mapping of example B onto this model: the example's book values V = (I - C)^-1 p with p = (1, 1, 1) are E = (2, 2, 2),
     * its market values v = C^ V = 0.5 E, and its primary assets p are P = (I - S) E. Relative changes of v and E are
     * therefore equal; the threshold 0.9 v_i^0 is 0.9 E_i (theta = 0.9); the failure cost 0.5 v_i^0 = 0.5 subtracted
     * from p_i is 0.25 E_i (beta = 0.25) subtracted from P_i. The shock p_1: 1 -> 0.7 is valueChange_1 = -0.3.
     */
    private static final double[] BOOK_VALUES = {2, 2, 2};
    private static final double[] SHOCK = {-0.3, 0, 0};

    @Test
    void exampleADependencyMatrixOfTwoHalfOwnedOrganizations() {
        FundingGraph graph = FundingGraph.of(
                List.of("org1", "org2"), List.of(Edge.equity("c12", 0, 1, 0.5), Edge.equity("c21", 1, 0, 0.5)));
        double[] values = {1, 1};
        double[] outsideShare = {0.5, 0.5};
        double[] primary = {0.5, 0.5}; // P = (I - S) E
        double[][] dependency = new double[2][2];
        for (int j = 0; j < 2; j++) {
            double[] doubled = new double[2];
            doubled[j] = 1; // P_j -> 2 P_j, a primary change of P_j
            StressResult result = CrossHoldings.run(graph, values, doubled, CascadeOptions.none());
            for (int i = 0; i < 2; i++) {
                // A = C^ (I - C)^-1: the part of j's primary value that reaches i's outside owners
                dependency[i][j] = outsideShare[i] * result.valueLostUsd()[i] / primary[j];
            }
        }
        assertThat(dependency[0]).containsExactly(new double[] {2.0 / 3, 1.0 / 3}, within(1e-12));
        assertThat(dependency[1]).containsExactly(new double[] {1.0 / 3, 2.0 / 3}, within(1e-12));
    }

    @Test
    void exampleBWaveZeroIsTheLinearRevaluation() {
        StressResult result = CrossHoldings.run(THREE_FIRMS, BOOK_VALUES, SHOCK, CascadeOptions.none());

        assertThat(result.relativeChange())
                .containsExactly(new double[] {0.820382 - 1, 0.935032 - 1, 0.944586 - 1}, within(1e-6));
        assertThat(result.valueLostUsd())
                .containsExactly(
                        new double[] {2 * (0.820382 - 1), 2 * (0.935032 - 1), 2 * (0.944586 - 1)}, within(2e-6));
        assertThat(result.failedInWave()).containsExactly(-1, -1, -1);
        assertThat(result.waves()).isEqualTo(1);
        assertThat(result.debtRank()).isNaN();
    }

    @Test
    void exampleBWaveOneChargesFirmOnesFailureCost() {
        // firm 1's failure cost 0.25 E_1 = 0.5 is half of its primary value P_1 = 1: a further value change of -0.5
        StressResult result =
                CrossHoldings.run(THREE_FIRMS, BOOK_VALUES, new double[] {-0.8, 0, 0}, CascadeOptions.none());

        assertThat(result.relativeChange())
                .containsExactly(new double[] {0.521019 - 1, 0.826752 - 1, 0.852229 - 1}, within(1e-6));
    }

    @Test
    void exampleBCascadeFailsFirmOneThenFirmsTwoAndThree() {
        StressResult result = CrossHoldings.run(THREE_FIRMS, BOOK_VALUES, SHOCK, CascadeOptions.failures(0.9, 0.25));

        assertThat(result.failedInWave()).containsExactly(0, 1, 1);
        assertThat(result.waves()).isEqualTo(3);
        assertThat(result.relativeChange())
                .containsExactly(new double[] {0.320382 - 1, 0.435032 - 1, 0.444586 - 1}, within(1e-6));
        assertThat(result.converged()).isTrue();
    }

    @Test
    void exampleBWithoutFailureCostOnlyFirmOneFails() {
        StressResult result = CrossHoldings.run(THREE_FIRMS, BOOK_VALUES, SHOCK, CascadeOptions.failures(0.9, 0));

        assertThat(result.failedInWave()).containsExactly(0, -1, -1);
        assertThat(result.relativeChange())
                .containsExactly(new double[] {0.820382 - 1, 0.935032 - 1, 0.944586 - 1}, within(1e-6));
    }

    @Test
    void aHolderLosesItsShareOfTheHeldEntitysLoss() {
        FundingGraph graph = FundingGraph.of(List.of("holder", "held"), List.of(Edge.equity("s", 0, 1, 0.25)));
        double[] values = {100, 40};

        StressResult result = CrossHoldings.run(graph, values, new double[] {0, -0.5}, CascadeOptions.none());

        // held loses 20; holder's primary value is 100 - 0.25 x 40 = 90 and unchanged, so it loses 0.25 x 20 = 5
        assertThat(result.valueLostUsd()).containsExactly(new double[] {-5, -20}, within(1e-12));
        assertThat(result.relativeChange()).containsExactly(new double[] {-0.05, -0.5}, within(1e-12));
    }

    /** 100 seeded cases of 1 to 40 entities, theta in [0, 1], beta in [0, 2] (see {@link RandomCases}). */
    @Test
    void aZeroShockChangesNothing() {
        RandomCases.check(20_140_601L, 100, draw -> {
            long seed = draw.anyLong("seed");
            int n = draw.between("n", 1, 40);
            double theta = draw.between("theta", 0.0, 1.0);
            double beta = draw.between("beta", 0.0, 2.0);
            FundingGraph graph = RandomGraphs.equity(seed, n, 3, 0.95);
            double[] values = new Random(seed).doubles(n, 1, 1000).toArray();

            StressResult result = CrossHoldings.run(graph, values, new double[n], CascadeOptions.failures(theta, beta));

            assertThat(result.relativeChange()).containsOnly(0.0);
            assertThat(result.valueLostUsd()).containsOnly(0.0);
            assertThat(result.failedInWave()).containsOnly(-1);
            assertThat(result.waves()).isEqualTo(1);
        });
    }

    /** 100 seeded cases of 2 to 30 entities (see {@link RandomCases}). */
    @Test
    void withoutFailuresValuesAreLinearInTheShock() {
        RandomCases.check(20_140_602L, 100, draw -> {
            long seed = draw.anyLong("seed");
            int n = draw.between("n", 2, 30);
            FundingGraph graph = RandomGraphs.equity(seed, n, 3, 0.9);
            Random random = new Random(seed + 1);
            double[] values = random.doubles(n, 1, 1000).toArray();
            double[] shock = random.doubles(n, -1, 1).toArray();
            double[] half = Arrays.stream(shock).map(x -> x / 2).toArray();

            StressResult full = CrossHoldings.run(graph, values, shock, CascadeOptions.none());
            StressResult halved = CrossHoldings.run(graph, values, half, CascadeOptions.none());

            for (int i = 0; i < n; i++) {
                assertThat(halved.valueLostUsd()[i]).isCloseTo(full.valueLostUsd()[i] / 2, within(1e-9 * values[i]));
            }
        });
    }
}
