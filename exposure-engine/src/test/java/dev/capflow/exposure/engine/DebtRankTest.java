package dev.capflow.exposure.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.capflow.randomcases.RandomCases;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DebtRank toy network of docs/stress-models.md (NetworkRiskMeasures' test data) under both rules, and invariants. */
class DebtRankTest {

    /** Rows are holders: exposures[j][i] is what j loses if i fails, over (a, b, c). */
    private static final double[][] EXPOSURES = {{0, 1, 0}, {10, 0, 3}, {3, 2, 0}};

    private static final double[] BUFFERS = {2, 5, 2};
    private static final double[] WEIGHTS = {10, 100, 30};

    @ParameterizedTest(name = "{0} defaults, {1}")
    @CsvSource({
        "0, LINEAR_2015,   1,   1,   1, 0.9286",
        "1, LINEAR_2015,   0.5, 1,   1, 0.25",
        "2, LINEAR_2015,   0.5, 1,   1, 0.75",
        "0, ORIGINAL_2012, 1,   1,   1, 0.9286",
        "1, ORIGINAL_2012, 0.5, 1,   1, 0.25",
        "2, ORIGINAL_2012, 0.3, 0.9, 1, 0.6643"
    })
    void toyNetworkMatchesThePublishedTable(
            int defaulted, DebtRankRule rule, double a, double b, double c, double additionalStress) {
        double[] initial = new double[3];
        initial[defaulted] = 1;

        StressResult result = DebtRank.run(EXPOSURES, BUFFERS, WEIGHTS, initial, rule);

        assertThat(result.relativeChange()).containsExactly(new double[] {-a, -b, -c}, within(1e-4));
        assertThat(result.debtRank()).isCloseTo(additionalStress, within(1e-4));
        assertThat(result.valueLostUsd()).containsExactly(new double[] {-a * 2, -b * 5, -c * 2}, within(1e-3));
        assertThat(result.converged()).isTrue();
        assertThat(result.failedInWave()[defaulted]).isZero();
    }

    @Test
    void theLinearRuleRecordsTheIterationAtWhichEachNodeFails() {
        // c defaults: b reaches 0.6 then 1 in iteration 3, a never fails (h(1) = (0, .6, 1), h(2) = (.3, .6, 1), h(3) =
        // (.3, 1, 1))
        StressResult result =
                DebtRank.run(EXPOSURES, BUFFERS, WEIGHTS, new double[] {0, 0, 1}, DebtRankRule.LINEAR_2015);

        assertThat(result.failedInWave()).containsExactly(-1, 3, 0);
    }

    @Test
    void theOriginalRuleUnderestimatesWhenANodeIsHitAfterItPropagated() {
        // the 2012 rule propagates b's distress of 0.6 once; b's later losses never reach a
        StressResult result =
                DebtRank.run(EXPOSURES, BUFFERS, WEIGHTS, new double[] {0, 0, 1}, DebtRankRule.ORIGINAL_2012);

        assertThat(result.failedInWave()).containsExactly(-1, -1, 0);
        assertThat(result.waves()).isEqualTo(3);
    }

    @Test
    void exposuresOfAGraphAddCashInflowGuaranteesAndHeldEquity() {
        FundingGraph graph = FundingGraph.of(
                List.of("buyer", "seller", "bank"),
                List.of(
                        Edge.amount("p", 0, 1, EdgeKind.PURCHASE, 30),
                        Edge.amount("i", 0, 1, EdgeKind.INVESTMENT, 5),
                        Edge.undisclosed("u", 0, 1, EdgeKind.PURCHASE),
                        Edge.amount("g", 2, 0, EdgeKind.GUARANTEE, 7),
                        Edge.equity("s", 1, 0, 0.1)));
        double[] values = {200, 100, 50};

        double[][] exposures = DebtRank.exposures(graph, values);

        // seller loses the 35 it is owed by buyer plus 10% of buyer's 200; bank loses the 7 it backstops
        assertThat(exposures[1]).containsExactly(35 + 20, 0, 0);
        assertThat(exposures[2]).containsExactly(7, 0, 0);
        assertThat(exposures[0]).containsExactly(0, 0, 0);
    }

    /**
     * The guarantee semantics (docs/stress-models.md): the guarantor stands to lose the amount it backstops when the
     * guaranteed party fails, never the other way round. Shaped like Nvidia's backstop of CoreWeave's capacity, which
     * OpenAI buys: OpenAI's distress reaches CoreWeave through the contract and Nvidia through the backstop.
     */
    @Test
    void aGuaranteeExposesTheGuarantorToTheGuaranteedPartyOnly() {
        FundingGraph graph = FundingGraph.of(
                List.of("openai", "coreweave", "nvidia"),
                List.of(
                        Edge.amount("contract", 0, 1, EdgeKind.PURCHASE, 20),
                        Edge.amount("backstop", 2, 1, EdgeKind.GUARANTEE, 6)));
        double[] values = {500, 40, 400};

        StressResult openaiHalves = DebtRank.run(graph, values, new double[] {0.5, 0, 0}, DebtRankRule.LINEAR_2015);
        StressResult guarantorFails = DebtRank.run(graph, values, new double[] {0, 0, 1}, DebtRankRule.LINEAR_2015);

        // coreweave loses 0.5 x 20 / 40 = 0.25 of its value; nvidia 0.25 x 6 / 400 of its own
        assertThat(openaiHalves.relativeChange())
                .containsExactly(new double[] {-0.5, -0.25, -0.25 * 6 / 400}, within(1e-15));
        assertThat(guarantorFails.relativeChange()).containsExactly(0.0, 0.0, -1.0);
        assertThat(DebtRank.exposures(graph, values)[2]).containsExactly(0, 6, 0);
        assertThat(DebtRank.exposures(graph, values)[1]).containsExactly(20, 0, 0);
    }

    /** 100 seeded cases of 1 to 12 nodes under either rule (see {@link RandomCases}). */
    @Test
    void aZeroShockChangesNothing() {
        RandomCases.check(20_120_801L, 100, draw -> {
            long seed = draw.anyLong("seed");
            int n = draw.between("n", 1, 12);
            DebtRankRule rule = draw.oneOf("rule", DebtRankRule.values());
            Network network = Network.random(seed, n);

            StressResult result =
                    DebtRank.run(network.exposures, network.buffers, network.weights, new double[n], rule);

            assertThat(result.relativeChange()).containsOnly(0.0);
            assertThat(result.failedInWave()).containsOnly(-1);
            assertThat(result.debtRank()).isZero();
        });
    }

    /** 200 seeded cases of 1 to 12 nodes under either rule (see {@link RandomCases}). */
    @Test
    void relativeLossesStayInTheUnitIntervalAndNeverFallBelowTheShock() {
        RandomCases.check(20_120_802L, 200, draw -> {
            long seed = draw.anyLong("seed");
            int n = draw.between("n", 1, 12);
            DebtRankRule rule = draw.oneOf("rule", DebtRankRule.values());
            Network network = Network.random(seed, n);
            double[] initial = network.shocks(seed);

            StressResult result = DebtRank.run(network.exposures, network.buffers, network.weights, initial, rule);

            for (int i = 0; i < n; i++) {
                double h = 0.0 - result.relativeChange()[i];
                assertThat(h).isBetween(initial[i], 1.0);
                assertThat(result.failedInWave()[i] >= 0).isEqualTo(h == 1);
            }
            assertThat(result.debtRank()).isBetween(0.0, 1.0);
            assertThat(result.converged()).isTrue();
        });
    }

    /** 300 seeded cases of 1 to 12 nodes, node 0 to 11 (modulo n), extra shock in [0, 1] (see {@link RandomCases}). */
    @Test
    void linearFinalLossesAreMonotoneInTheShock() {
        RandomCases.check(20_150_301L, 300, draw -> assertMonotone(draw, DebtRankRule.LINEAR_2015));
    }

    /** 300 seeded cases drawn as in the test above. */
    @Test
    void originalFinalLossesAreMonotoneInTheShockOfAShockedNode() {
        RandomCases.check(20_150_302L, 300, draw -> assertMonotone(draw, DebtRankRule.ORIGINAL_2012));
    }

    @Test
    void theOriginalRuleIsNotMonotoneWhenAnUnshockedNodeGetsASmallShock() {
        // a -> k -> j in a chain of full exposures: k distressed by a's default passes on 1; shocked itself by 0.01, k
        // propagates 0.01 in the first step and is inactive by the time a's default reaches it
        double[][] exposures = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
        double[] buffers = {1, 1, 1};

        StressResult unshocked =
                DebtRank.run(exposures, buffers, buffers, new double[] {1, 0, 0}, DebtRankRule.ORIGINAL_2012);
        StressResult shocked =
                DebtRank.run(exposures, buffers, buffers, new double[] {1, 0.01, 0}, DebtRankRule.ORIGINAL_2012);
        StressResult linear =
                DebtRank.run(exposures, buffers, buffers, new double[] {1, 0.01, 0}, DebtRankRule.LINEAR_2015);

        assertThat(unshocked.relativeChange()).containsExactly(-1, -1, -1);
        assertThat(shocked.relativeChange()).containsExactly(-1, -1, -0.01);
        assertThat(linear.relativeChange()).containsExactly(-1, -1, -1);
    }

    /**
     * On a drawn network of 1 to 12 nodes, raising a drawn node's initial loss by a drawn {@code extra} in [0, 1] never
     * lowers a final loss. Under the 2012 rule only a node already shocked is raised: a shock to an unshocked node
     * changes when it propagates (see the test above).
     */
    private static void assertMonotone(RandomCases draw, DebtRankRule rule) {
        long seed = draw.anyLong("seed");
        int n = draw.between("n", 1, 12);
        int node = draw.between("node", 0, 11) % n;
        double extra = draw.between("extra", 0.0, 1.0);
        Network network = Network.random(seed, n);
        double[] lower = network.shocks(seed);
        if (rule == DebtRankRule.ORIGINAL_2012 && lower[node] == 0) {
            lower[node] = 0.05;
        }
        double[] higher = lower.clone();
        higher[node] = Math.min(1, lower[node] + extra);

        StressResult low = DebtRank.run(network.exposures, network.buffers, network.weights, lower, rule);
        StressResult high = DebtRank.run(network.exposures, network.buffers, network.weights, higher, rule);

        for (int i = 0; i < n; i++) {
            assertThat(-high.relativeChange()[i]).isGreaterThanOrEqualTo(-low.relativeChange()[i] - 1e-9);
        }
    }

    /** A random exposure network whose leverage Lambda = exposure / buffer ranges from 0 to about 2. */
    private record Network(double[][] exposures, double[] buffers, double[] weights) {

        static Network random(long seed, int n) {
            Random random = new Random(seed);
            double density = random.nextDouble();
            double[] buffers = random.doubles(n, 1, 100).toArray();
            double[][] exposures = new double[n][n];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    if (i != j && random.nextDouble() < density) {
                        exposures[j][i] = buffers[j] * 2 * random.nextDouble() / Math.max(1, n * density / 2);
                    }
                }
            }
            return new Network(exposures, buffers, random.doubles(n, 0, 10).toArray());
        }

        /** About a third of the nodes shocked, some of them defaulted. */
        double[] shocks(long seed) {
            Random random = new Random(~seed);
            double[] shocks = new double[buffers.length];
            for (int i = 0; i < shocks.length; i++) {
                double draw = random.nextDouble();
                shocks[i] = draw < 0.1 ? 1 : draw < 0.33 ? random.nextDouble() : 0;
            }
            return shocks;
        }
    }
}
