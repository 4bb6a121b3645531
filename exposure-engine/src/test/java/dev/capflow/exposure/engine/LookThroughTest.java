package dev.capflow.exposure.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Look-through exposure: hand-checked chains, and the dense and iterative solvers against each other. */
class LookThroughTest {

    @Test
    void aChainOfHoldingsMultipliesTheShares() {
        // A owns 50% of B, B owns 20% of C; C pays A 30 (purchase) and 12 (investment); A's revenue is 60
        FundingGraph graph = FundingGraph.of(
                List.of("A", "B", "C"),
                List.of(
                        Edge.equity("ab", 0, 1, 0.5),
                        Edge.equity("bc", 1, 2, 0.2),
                        Edge.amount("ca-p", 2, 0, EdgeKind.PURCHASE, 30),
                        Edge.amount("ca-i", 2, 0, EdgeKind.INVESTMENT, 12),
                        Edge.undisclosed("ca-u", 2, 0, EdgeKind.PURCHASE),
                        Edge.amount("ca-g", 2, 0, EdgeKind.GUARANTEE, 1000)));
        double[] values = {500, 200, 1000};

        List<Exposure> exposures = LookThrough.compute(graph, values, new double[] {60, Double.NaN, 5}, 2);

        assertThat(exposures).extracting(Exposure::entity).containsExactly(0, 1);
        Exposure a = exposures.get(0);
        assertThat(a.directShare()).isZero();
        assertThat(a.totalShare()).isCloseTo(0.1, within(1e-15));
        assertThat(a.valueAtStakeUsd()).isCloseTo(100, within(1e-12));
        assertThat(a.fractionOfOwnValue()).isCloseTo(0.2, within(1e-15));
        assertThat(a.contractedInflowUsd()).isEqualTo(42);
        assertThat(a.inflowToRevenue()).hasValue(0.7);
        Exposure b = exposures.get(1);
        assertThat(b.directShare()).isEqualTo(0.2);
        assertThat(b.totalShare()).isCloseTo(0.2, within(1e-15));
        assertThat(b.valueAtStakeUsd()).isCloseTo(200, within(1e-12));
        assertThat(b.fractionOfOwnValue()).isCloseTo(1, within(1e-15));
        assertThat(b.contractedInflowUsd()).isZero();
        assertThat(b.inflowToRevenue()).isEmpty();
    }

    @Test
    void crossHoldingsCountTheShareThatComesBackAroundTheCycle() {
        // A and B own half of each other: (I - S)^-1 = [[4/3, 2/3], [2/3, 4/3]], so A's total share of B is 2/3
        FundingGraph graph =
                FundingGraph.of(List.of("A", "B"), List.of(Edge.equity("ab", 0, 1, 0.5), Edge.equity("ba", 1, 0, 0.5)));

        Exposure a = LookThrough.compute(graph, new double[] {10, 10}, new double[] {0, Double.NaN}, 1)
                .get(0);

        assertThat(a.directShare()).isEqualTo(0.5);
        assertThat(a.totalShare()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(a.inflowToRevenue()).as("zero revenue gives no ratio").isEmpty();
    }

    @Test
    void parallelEquityEdgesAddUp() {
        FundingGraph graph = FundingGraph.of(
                List.of("A", "B"), List.of(Edge.equity("ab1", 0, 1, 0.1), Edge.equity("ab2", 0, 1, 0.15)));

        Exposure a = LookThrough.compute(graph, new double[] {10, 10}, new double[] {1, 1}, 1)
                .get(0);

        assertThat(a.directShare()).isEqualTo(0.25);
        assertThat(a.totalShare()).isEqualTo(0.25);
    }

    @Test
    void denseAndIterativeSolversAgreeOnALargeGraph() {
        int n = 4_000;
        FundingGraph graph = RandomGraphs.equity(20251128L, n, 4, 0.98);
        double[] values = new Random(7).doubles(n, 1, 1e6).toArray();
        DenseLu dense = new DenseLu(graph.equity());

        for (int target : new int[] {0, 1_234, n - 1}) {
            double[] unit = new double[n];
            unit[target] = 1;
            double[] expected = dense.solve(unit);
            // above the dense limit, LookThrough solves iteratively
            List<Exposure> exposures = LookThrough.compute(graph, values, new double[n], target);
            assertThat(exposures).hasSize(n - 1);
            for (Exposure exposure : exposures) {
                assertThat(exposure.totalShare()).isCloseTo(expected[exposure.entity()], within(1e-12));
            }
            assertThat(new GaussSeidel(graph.equity()).solve(unit)[target]).isCloseTo(expected[target], within(1e-12));
        }
    }

    @Test
    void theSolverIsChosenBySize() {
        assertThat(EquitySystem.of(
                        RandomGraphs.equity(1, EquitySystem.DENSE_LIMIT, 2, 0.5).equity()))
                .isInstanceOf(DenseLu.class);
        assertThat(EquitySystem.of(RandomGraphs.equity(1, EquitySystem.DENSE_LIMIT + 1, 2, 0.5)
                        .equity()))
                .isInstanceOf(GaussSeidel.class);
    }
}
