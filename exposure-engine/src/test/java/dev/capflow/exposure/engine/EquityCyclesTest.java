package dev.capflow.exposure.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Equity cycles that make I - S nearly singular are found; exact share sums; bounded shocks. */
class EquityCyclesTest {

    private static final List<String> IDS = List.of("a", "b", "c");

    @Test
    void twoEntitiesOwning99PercentOfEachOtherAreIllConditioned() {
        FundingGraph graph = FundingGraph.of(
                IDS,
                List.of(Edge.equity("ab", 0, 1, 0.99), Edge.equity("ba", 1, 0, 0.99), Edge.equity("ac", 0, 2, 0.5)));

        EquityCycles.IllConditioned found = EquityCycles.worst(graph).orElseThrow();

        // (I - S)^-1[a][a] = 1 / (1 - 0.99^2) = 50.25
        assertThat(found.selfStake()).isCloseTo(1 / (1 - 0.99 * 0.99) - 1, within(1e-9));
        assertThat(found.edgeIds()).containsExactlyInAnyOrder("ab", "ba");
        assertThat(found.edgeCount()).isEqualTo(2);
    }

    @Test
    void ordinaryCrossHoldingsAreWithinTheBound() {
        FundingGraph half = FundingGraph.of(IDS, List.of(Edge.equity("ab", 0, 1, 0.5), Edge.equity("ba", 1, 0, 0.5)));
        FundingGraph seventy =
                FundingGraph.of(IDS, List.of(Edge.equity("ab", 0, 1, 0.7), Edge.equity("ba", 1, 0, 0.7)));
        FundingGraph chain =
                FundingGraph.of(IDS, List.of(Edge.equity("ab", 0, 1, 0.99), Edge.equity("bc", 1, 2, 0.99)));

        assertThat(EquityCycles.worst(half)).isEmpty();
        assertThat(EquityCycles.worst(seventy)).isEmpty();
        assertThat(EquityCycles.worst(chain)).isEmpty();
    }

    @Test
    void aThreeCycleNamesItsEdgesOnly() {
        FundingGraph graph = FundingGraph.of(
                IDS,
                List.of(
                        Edge.equity("ab", 0, 1, 0.9),
                        Edge.equity("bc", 1, 2, 0.9),
                        Edge.equity("ca", 2, 0, 0.9),
                        Edge.amount("p", 0, 2, EdgeKind.PURCHASE, 5)));

        assertThat(EquityCycles.worst(graph).orElseThrow().edgeIds()).containsExactlyInAnyOrder("ab", "bc", "ca");
    }

    @Test
    void aPrimaryValueBelowTheStakesHeldIsFound() {
        FundingGraph graph = FundingGraph.of(IDS, List.of(Edge.equity("ab", 0, 1, 0.5)));

        assertThat(EquityCycles.markedBelowStakes(graph, new double[] {100, 300, 1}))
                .containsExactly(true, false, false);
        assertThat(EquityCycles.markedBelowStakes(graph, new double[] {100, 200, 1}))
                .as("stakes worth exactly the holder's mark leave no primary value")
                .containsExactly(true, false, false);
        assertThat(EquityCycles.markedBelowStakes(graph, new double[] {100, 150, 1}))
                .containsExactly(false, false, false);
        assertThat(EquityCycles.stakesHeldBy(graph, 0)).containsExactly("ab");
    }

    @Test
    void sharesSummingToExactlyOneAreRefusedInEveryOrder() {
        for (List<Double> order : List.of(List.of(0.7, 0.2, 0.1), List.of(0.1, 0.2, 0.7), List.of(0.2, 0.7, 0.1))) {
            List<String> ids = List.of("x", "y", "z", "t");
            List<Edge> edges = List.of(
                    Edge.equity("e0", 0, 3, order.get(0)),
                    Edge.equity("e1", 1, 3, order.get(1)),
                    Edge.equity("e2", 2, 3, order.get(2)));
            assertThatThrownBy(() -> FundingGraph.of(ids, edges))
                    .isInstanceOf(GraphException.class)
                    .hasMessageContaining("sum to 1 >= 1");
        }
        List<Edge> justBelow = List.of(Edge.equity("e0", 0, 2, 0.7), Edge.equity("e1", 1, 2, 0.29));
        assertThat(FundingGraph.of(IDS, justBelow).size()).isEqualTo(3);
    }

    @Test
    void aShockAboveTheBoundIsRefused() {
        FundingGraph graph = FundingGraph.of(IDS, List.of(Edge.equity("ab", 0, 1, 0.5)));

        assertThatThrownBy(() -> CrossHoldings.run(
                        graph, new double[] {1, 1, 1}, new double[] {1e300, 0, 0}, CascadeOptions.none()))
                .isInstanceOf(GraphException.class)
                .hasMessageContaining("shocks[0].valueChange");
        assertThat(CrossHoldings.run(
                                graph,
                                new double[] {1, 1, 1},
                                new double[] {CrossHoldings.MAX_VALUE_CHANGE, 0, 0},
                                CascadeOptions.none())
                        .relativeChange()[0])
                .isFinite();
    }
}
