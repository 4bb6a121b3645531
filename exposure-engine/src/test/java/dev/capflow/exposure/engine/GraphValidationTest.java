package dev.capflow.exposure.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalDouble;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every bad input raises a GraphException naming its field and subject. */
class GraphValidationTest {

    private static final List<String> IDS = List.of("openai", "oracle", "nvidia");
    private static final FundingGraph GRAPH = FundingGraph.of(IDS, List.of(Edge.equity("s", 0, 1, 0.3)));
    private static final double[] VALUES = {500, 700, 4000};

    @Test
    void anEdgeToAnUnknownEntity() {
        assertGraphException(
                () -> FundingGraph.of(IDS, List.of(Edge.amount("e1", 0, 3, EdgeKind.PURCHASE, 1))), "edge.to", "e1");
        assertGraphException(
                () -> FundingGraph.of(IDS, List.of(Edge.amount("e2", -1, 2, EdgeKind.PURCHASE, 1))), "edge.from", "e2");
    }

    @Test
    void aSelfLoop() {
        assertGraphException(
                () -> FundingGraph.of(IDS, List.of(Edge.amount("loop", 1, 1, EdgeKind.INVESTMENT, 1))),
                "edge.to",
                "loop");
    }

    @Test
    void aShareOutsideTheUnitInterval() {
        assertGraphException(() -> FundingGraph.of(IDS, List.of(Edge.equity("big", 0, 1, 1.2))), "edge.share", "big");
        assertGraphException(() -> FundingGraph.of(IDS, List.of(Edge.equity("neg", 0, 1, -0.1))), "edge.share", "neg");
        assertGraphException(
                () -> FundingGraph.of(IDS, List.of(Edge.equity("nan", 0, 1, Double.NaN))), "edge.share", "nan");
        assertGraphException(
                () -> FundingGraph.of(
                        IDS,
                        List.of(new Edge("none", 0, 1, EdgeKind.EQUITY, OptionalDouble.of(5), OptionalDouble.empty()))),
                "edge.share",
                "none");
    }

    @Test
    void aNegativeOrNonFiniteAmount() {
        assertGraphException(
                () -> FundingGraph.of(IDS, List.of(Edge.amount("neg", 0, 1, EdgeKind.PURCHASE, -5))),
                "edge.amountUsd",
                "neg");
        assertGraphException(
                () -> FundingGraph.of(
                        IDS, List.of(Edge.amount("inf", 0, 1, EdgeKind.GUARANTEE, Double.POSITIVE_INFINITY))),
                "edge.amountUsd",
                "inf");
    }

    @Test
    void sharesHeldInOneEntitySummingToOneLeaveNoOutsideOwners() {
        assertGraphException(
                () -> FundingGraph.of(IDS, List.of(Edge.equity("a", 0, 2, 0.6), Edge.equity("b", 1, 2, 0.4))),
                "edge.share",
                "nvidia");
    }

    @Test
    void duplicateIds() {
        assertGraphException(() -> FundingGraph.of(List.of("a", "b", "a"), List.of()), "entityIds", "a");
        assertGraphException(
                () -> FundingGraph.of(IDS, List.of(Edge.equity("x", 0, 1, 0.1), Edge.equity("x", 0, 2, 0.1))),
                "edge.id",
                "x");
    }

    @Test
    void aShockOutsideItsRangeNamesTheEntity() {
        assertGraphException(
                () -> CrossHoldings.run(GRAPH, VALUES, new double[] {0, -1.5, 0}, CascadeOptions.none()),
                "shocks[1].valueChange",
                "oracle");
        assertGraphException(
                () -> CrossHoldings.run(GRAPH, VALUES, new double[] {Double.NaN, 0, 0}, CascadeOptions.none()),
                "shocks[0].valueChange",
                "openai");
        assertGraphException(
                () -> DebtRank.run(GRAPH, VALUES, new double[] {0, 0, -0.2}, DebtRankRule.LINEAR_2015),
                "shocks[2].valueChange",
                "nvidia");
        assertGraphException(
                () -> DebtRank.run(GRAPH, VALUES, new double[] {0, 1.5, 0}, DebtRankRule.ORIGINAL_2012),
                "shocks[1].valueChange",
                "oracle");
    }

    @Test
    void badValuesRevenuesAndTargets() {
        assertGraphException(
                () -> CrossHoldings.run(GRAPH, new double[] {500, 0, 4000}, new double[3], CascadeOptions.none()),
                "values",
                "oracle");
        assertGraphException(
                () -> LookThrough.compute(GRAPH, VALUES, new double[] {1, -1, 1}, 0), "revenues", "oracle");
        assertGraphException(() -> LookThrough.compute(GRAPH, VALUES, new double[3], 3), "target", "3");
        assertGraphException(() -> LookThrough.compute(GRAPH, new double[2], new double[3], 0), "values", "graph");
    }

    @Test
    void badQueriesAndOptions() {
        assertGraphException(() -> new LoopQuery(-1, 0, 0), "maxLength", "query");
        assertGraphException(() -> new LoopQuery(0, -1, 0), "minUsd", "query");
        assertGraphException(() -> new LoopQuery(0, 0, -1), "limit", "query");
        assertGraphException(() -> CascadeOptions.failures(1.5, 0), "options.theta", "options");
        assertGraphException(() -> CascadeOptions.failures(0.5, -1), "options.beta", "options");
    }

    @Test
    void badDebtRankMatrices() {
        double[] ones = {1, 1};
        assertGraphException(
                () -> DebtRank.run(
                        new double[][] {{0, -1}, {0, 0}}, ones, ones, new double[2], DebtRankRule.LINEAR_2015),
                "exposures",
                "0");
        assertGraphException(
                () -> DebtRank.run(
                        new double[2][2], new double[] {1, 0}, ones, new double[2], DebtRankRule.LINEAR_2015),
                "buffers",
                "1");
        assertGraphException(
                () -> DebtRank.run(new double[2][2], ones, new double[2], new double[2], DebtRankRule.LINEAR_2015),
                "weights",
                "graph");
    }

    private static void assertGraphException(Executable call, String field, String subject) {
        AbstractThrowableAssert<?, ?> thrown = assertThatThrownBy(call::execute).isInstanceOf(GraphException.class);
        thrown.hasFieldOrPropertyWithValue("field", field).hasFieldOrPropertyWithValue("subject", subject);
        thrown.hasMessageContaining(subject);
    }
}
