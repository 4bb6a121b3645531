package dev.capflow.exposure.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Payment clearing: the worked examples of docs/stress-models.md (Barucca's Eisenberg-Noe exercise and the
 * Rogers-Veraart example with default costs), agreement with an independent fictitious-default solver on seeded random
 * graphs, and invariants.
 */
class ClearingTest {

    private static final double NONE = Double.NaN;

    @Test
    void barucca_exercise_bankOneDefaultsAndBankTwoLosesOneUnitThroughTheNetwork() {
        // L = [[0,4,0],[0,0,3],[2,0,0]]; e = Ae - Le = (3, 2, 2), after the 10% shock (1, 0, 1)
        FundingGraph graph = FundingGraph.of(
                List.of("bank1", "bank2", "bank3"),
                List.of(
                        Edge.amount("l12", 0, 1, EdgeKind.PURCHASE, 4),
                        Edge.amount("l23", 1, 2, EdgeKind.INVESTMENT, 3),
                        Edge.amount("l31", 2, 0, EdgeKind.PURCHASE, 2)));

        ClearingResult result = Clearing.run(
                graph,
                new double[] {10, 10, 10},
                new double[] {NONE, NONE, NONE},
                new double[] {3, 2, 2},
                new double[] {-2.0 / 3, -1, -0.5},
                ClearingOptions.defaults());

        assertThat(result.baseline().paidUsd()).containsExactly(new double[] {4, 3, 2}, within(1e-12));
        assertThat(result.baseline().defaulted()).containsExactly(false, false, false);
        assertThat(result.shocked().externalResourcesUsd()).containsExactly(new double[] {1, 0, 1}, within(1e-15));
        assertThat(result.shocked().paidUsd()).containsExactly(new double[] {3, 3, 2}, within(1e-12));
        assertThat(result.shocked().defaulted()).containsExactly(true, false, false);
        assertThat(result.shocked().unpaidReceivablesUsd()).containsExactly(new double[] {0, 1, 0}, within(1e-12));
        assertThat(result.stress().relativeChange()).containsExactly(new double[] {0, -0.1, 0}, within(1e-12));
        assertThat(result.stress().valueLostUsd()).containsExactly(new double[] {0, -1, 0}, within(1e-12));
        assertThat(result.baseline().obligationsUsd()).containsExactly(4, 3, 2);
    }

    @Test
    void rogersVeraart_example_withoutCostsAAndBDefault() {
        ClearingResult result = Clearing.run(
                rogersVeraartGraph(),
                new double[] {100, 100, 100},
                new double[] {NONE, NONE, NONE},
                new double[] {30, 10, 40},
                new double[3],
                ClearingOptions.defaults());

        assertThat(result.baseline().paidUsd()).containsExactly(new double[] {80, 230.0 / 3, 50}, within(1e-9));
        assertThat(result.baseline().defaulted()).containsExactly(true, true, false);
        assertThat(result.baseline().unpaidReceivablesUsd())
                .containsExactly(new double[] {0, 100.0 / 3, 10}, within(1e-9));
        assertThat(result.stress().relativeChange()).containsOnly(0.0);
    }

    @Test
    void rogersVeraart_example_halvingAsResourcesWithCostsLeavesBAndCUnpaid() {
        ClearingResult result = Clearing.run(
                rogersVeraartGraph(),
                new double[] {100, 200, 400},
                new double[] {NONE, NONE, NONE},
                new double[] {30, 10, 40},
                new double[] {-0.5, 0, 0},
                new ClearingOptions(5, 0.5, 0.9));

        assertThat(result.shocked().paidUsd()).containsExactly(new double[] {52.5, 44.375, 50}, within(1e-9));
        assertThat(result.shocked().unpaidReceivablesUsd())
                .containsExactly(new double[] {0, 56.25, 46.875}, within(1e-9));
        // the baseline with the same costs: a pays 0.5 x 30 + 0.9 x 50 = 60, b pays 0.5 x 10 + 0.9 x 50 = 50
        assertThat(result.baseline().paidUsd()).containsExactly(new double[] {60, 50, 50}, within(1e-9));
        assertThat(result.baseline().unpaidReceivablesUsd()).containsExactly(new double[] {0, 50, 40}, within(1e-9));
        assertThat(result.stress().relativeChange())
                .containsExactly(new double[] {0, -(56.25 - 50) / 200, -(46.875 - 40) / 400}, within(1e-12));
        assertThat(result.shocked().unpaidToValue())
                .containsExactly(new double[] {0, 56.25 / 200, 46.875 / 400}, within(1e-12));
    }

    @Test
    void externalResourcesAreCashPlusHorizonYearsOfRevenueAMissingFigureCountingZero() {
        FundingGraph graph =
                FundingGraph.of(List.of("a", "b", "c"), List.of(Edge.amount("ab", 0, 1, EdgeKind.PURCHASE, 50)));

        ClearingResult result = Clearing.run(
                graph,
                new double[] {1, 1, 1},
                new double[] {4, NONE, 0},
                new double[] {2, 7, NONE},
                new double[3],
                new ClearingOptions(3, 1, 1));

        assertThat(result.baseline().externalResourcesUsd()).containsExactly(14, 7, 0);
        // a has 14 for its 50: b goes 36 unpaid; b's revenue is unknown, so there is no share of revenue
        assertThat(result.baseline().paidUsd()).containsExactly(14, 0, 0);
        assertThat(result.baseline().unpaidReceivablesUsd()).containsExactly(0, 36, 0);
        assertThat(result.baseline().unpaidToRevenue()[1]).isNaN();
        assertThat(result.baseline().unpaidToRevenue()[0]).isZero();
        assertThat(result.baseline().unpaidToValue()).containsExactly(0, 36, 0);
    }

    @Test
    void unknownAmountsOweNothing() {
        FundingGraph graph = FundingGraph.of(
                List.of("a", "b"),
                List.of(
                        Edge.undisclosed("ab", 0, 1, EdgeKind.PURCHASE),
                        Edge.amount("ab2", 0, 1, EdgeKind.INVESTMENT, 10),
                        Edge.amount("g", 0, 1, EdgeKind.GUARANTEE, 99),
                        Edge.equity("s", 0, 1, 0.5)));

        ClearingResult result = Clearing.run(
                graph,
                new double[] {1, 1},
                new double[] {NONE, NONE},
                new double[] {4, 0},
                new double[2],
                ClearingOptions.defaults());

        assertThat(result.baseline().obligationsUsd()).containsExactly(10, 0);
        assertThat(result.baseline().paidUsd()).containsExactly(4, 0);
    }

    @Test
    void agreesWithAnIndependentFictitiousDefaultSolverOnSeededRandomGraphs() {
        Random random = new Random(20260416);
        int defaults = 0;
        for (int run = 0; run < 300; run++) {
            int n = 2 + random.nextInt(40);
            FundingGraph graph = RandomGraphs.cash(random.nextLong(), n, 0.05 + 0.4 * random.nextDouble());
            Scenario scenario = Scenario.random(random, graph);
            ClearingOptions options = run % 2 == 0
                    ? ClearingOptions.defaults()
                    : new ClearingOptions(
                            1 + 9 * random.nextDouble(),
                            0.1 + 0.9 * random.nextDouble(),
                            0.1 + 0.9 * random.nextDouble());

            ClearingResult result =
                    Clearing.run(graph, scenario.values, scenario.revenues, scenario.cash, scenario.change, options);

            double[][] obligations = FictitiousDefault.obligations(graph);
            double[] e = Clearing.resources(scenario.revenues, scenario.cash, options.horizonYears());
            double[] expectedBaseline = FictitiousDefault.solve(obligations, e, options.alpha(), options.beta());
            for (int i = 0; i < n; i++) {
                e[i] *= 1 + scenario.change[i];
            }
            double[] expectedShocked = FictitiousDefault.solve(obligations, e, options.alpha(), options.beta());
            assertAgree(result.baseline(), expectedBaseline, obligations, "run " + run + " baseline");
            assertAgree(result.shocked(), expectedShocked, obligations, "run " + run + " shocked");
            assertThat(result.stress().converged()).isTrue();
            for (boolean d : result.shocked().defaulted()) {
                defaults += d ? 1 : 0;
            }
        }
        assertThat(defaults).as("the random scenarios exercise defaults").isGreaterThan(300);
    }

    @Test
    void paymentsStayWithinObligationsAndWhatIsNotPaidIsSomeonesUnpaidReceivable() {
        Random random = new Random(7);
        for (int run = 0; run < 200; run++) {
            FundingGraph graph = RandomGraphs.cash(random.nextLong(), 2 + random.nextInt(30), 0.3);
            Scenario scenario = Scenario.random(random, graph);
            ClearingState state = Clearing.run(
                            graph,
                            scenario.values,
                            scenario.revenues,
                            scenario.cash,
                            scenario.change,
                            new ClearingOptions(5, 0.6, 0.8))
                    .shocked();
            double shortfall = 0;
            double unpaid = 0;
            for (int i = 0; i < graph.size(); i++) {
                assertThat(state.paidUsd()[i]).isBetween(0.0, state.obligationsUsd()[i]);
                assertThat(state.defaulted()[i]).isEqualTo(state.paidUsd()[i] < state.obligationsUsd()[i] * (1 - 1e-9));
                shortfall += state.obligationsUsd()[i] - state.paidUsd()[i];
                unpaid += state.unpaidReceivablesUsd()[i];
            }
            assertThat(unpaid).isCloseTo(shortfall, within(1e-9 * Math.max(1, shortfall)));
        }
    }

    @Test
    void noShockLeavesEveryEntityExactlyAtItsBaseline() {
        Random random = new Random(11);
        for (int run = 0; run < 50; run++) {
            FundingGraph graph = RandomGraphs.cash(random.nextLong(), 2 + random.nextInt(30), 0.3);
            Scenario scenario = Scenario.random(random, graph);

            ClearingResult result = Clearing.run(
                    graph,
                    scenario.values,
                    scenario.revenues,
                    scenario.cash,
                    new double[graph.size()],
                    new ClearingOptions(2, 0.5, 0.5));

            assertThat(result.shocked().paidUsd())
                    .containsExactly(result.baseline().paidUsd());
            assertThat(result.stress().relativeChange()).containsOnly(0.0);
            assertThat(result.stress().valueLostUsd()).containsOnly(0.0);
        }
    }

    @Test
    void aDeeperShockNeverRaisesAPaymentNorLowersAnUnpaidReceivable() {
        Random random = new Random(13);
        for (int run = 0; run < 100; run++) {
            FundingGraph graph = RandomGraphs.cash(random.nextLong(), 2 + random.nextInt(30), 0.3);
            Scenario scenario = Scenario.random(random, graph);
            ClearingOptions options = run % 2 == 0 ? ClearingOptions.defaults() : new ClearingOptions(5, 0.7, 0.9);
            ClearingState previous = null;
            double[] previousRelative = null;
            for (double depth = 0; depth <= 1; depth += 0.125) {
                double[] change = new double[graph.size()];
                change[run % graph.size()] = -depth;
                ClearingResult result =
                        Clearing.run(graph, scenario.values, scenario.revenues, scenario.cash, change, options);
                if (previous != null) {
                    for (int i = 0; i < graph.size(); i++) {
                        assertThat(result.shocked().paidUsd()[i]).isLessThanOrEqualTo(previous.paidUsd()[i] + 1e-9);
                        assertThat(result.shocked().unpaidReceivablesUsd()[i])
                                .isGreaterThanOrEqualTo(previous.unpaidReceivablesUsd()[i] - 1e-9);
                        assertThat(result.stress().relativeChange()[i])
                                .isLessThanOrEqualTo(previousRelative[i] + 1e-12);
                    }
                }
                previous = result.shocked();
                previousRelative = result.stress().relativeChange();
            }
        }
    }

    @Test
    void badInputNamesTheFieldAndTheEntity() {
        FundingGraph graph = rogersVeraartGraph();
        double[] ones = {1, 1, 1};
        double[] none = {NONE, NONE, NONE};

        assertThatThrownBy(() -> Clearing.run(
                        graph, ones, none, new double[] {1, -1, 1}, new double[3], ClearingOptions.defaults()))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.field()).isEqualTo("cash");
                    assertThat(e.subject()).isEqualTo("b");
                });
        assertThatThrownBy(() -> Clearing.run(
                        graph,
                        ones,
                        new double[] {1, 1, Double.POSITIVE_INFINITY},
                        ones,
                        new double[3],
                        ClearingOptions.defaults()))
                .isInstanceOfSatisfying(
                        GraphException.class, e -> assertThat(e.subject()).isEqualTo("c"));
        assertThatThrownBy(() ->
                        Clearing.run(graph, ones, none, ones, new double[] {0, -1.5, 0}, ClearingOptions.defaults()))
                .isInstanceOfSatisfying(
                        GraphException.class, e -> assertThat(e.field()).isEqualTo("shocks[1].valueChange"));
        assertThatThrownBy(() -> new ClearingOptions(5, 0, 1))
                .isInstanceOfSatisfying(
                        GraphException.class, e -> assertThat(e.field()).isEqualTo("options.alpha"));
        assertThatThrownBy(() -> new ClearingOptions(5, 1, 1.01))
                .isInstanceOfSatisfying(
                        GraphException.class, e -> assertThat(e.field()).isEqualTo("options.beta"));
        for (double horizon : new double[] {
            Double.NaN, 0, 1e-320, ClearingOptions.MIN_HORIZON_YEARS / 2, ClearingOptions.MAX_HORIZON_YEARS + 1, 1e308
        }) {
            assertThatThrownBy(() -> new ClearingOptions(horizon, 1, 1))
                    .as("horizon " + horizon)
                    .isInstanceOfSatisfying(
                            GraphException.class, e -> assertThat(e.field()).isEqualTo("options.horizon_years"));
        }
        assertThat(new ClearingOptions(ClearingOptions.MAX_HORIZON_YEARS, 1, 1).horizonYears())
                .isEqualTo(100);
        assertThat(new ClearingOptions(ClearingOptions.MIN_HORIZON_YEARS, 1, 1).horizonYears())
                .isEqualTo(1.0 / 365);
    }

    private static void assertAgree(ClearingState state, double[] expected, double[][] obligations, String what) {
        int n = expected.length;
        for (int i = 0; i < n; i++) {
            double scale = Math.max(1, state.obligationsUsd()[i]);
            assertThat(state.paidUsd()[i]).as(what + ", p of " + i).isCloseTo(expected[i], within(1e-9 * scale));
            double unpaid = 0;
            for (int d = 0; d < n; d++) {
                double pbar = Arrays.stream(obligations[d]).sum();
                unpaid += pbar > 0 ? obligations[d][i] * (1 - expected[d] / pbar) : 0;
            }
            assertThat(state.unpaidReceivablesUsd()[i])
                    .as(what + ", unpaid of " + i)
                    .isCloseTo(unpaid, within(1e-9 * Math.max(1, unpaid)));
        }
    }

    /** a owes b 100 and c 20; b owes c 80; c owes a 50. */
    private static FundingGraph rogersVeraartGraph() {
        return FundingGraph.of(
                List.of("a", "b", "c"),
                List.of(
                        Edge.amount("ab", 0, 1, EdgeKind.PURCHASE, 100),
                                Edge.amount("ac", 0, 2, EdgeKind.INVESTMENT, 20),
                        Edge.amount("bc", 1, 2, EdgeKind.PURCHASE, 80),
                                Edge.amount("ca", 2, 0, EdgeKind.PURCHASE, 50)));
    }

    /** Values, revenues and cash (some unknown, every entity with some resources) and one shocked entity. */
    private record Scenario(double[] values, double[] revenues, double[] cash, double[] change) {

        static Scenario random(Random random, FundingGraph graph) {
            int n = graph.size();
            double[] values = new double[n];
            double[] revenues = new double[n];
            double[] cash = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = 10 + 1000 * random.nextDouble();
                boolean hasRevenue = random.nextDouble() < 0.7;
                revenues[i] = hasRevenue ? 0.1 + 30 * random.nextDouble() : NONE;
                cash[i] = !hasRevenue || random.nextBoolean() ? 0.1 + 100 * random.nextDouble() : NONE;
            }
            double[] change = new double[n];
            change[random.nextInt(n)] = -random.nextDouble();
            return new Scenario(values, revenues, cash, change);
        }
    }

    /**
     * An independent solver: the fictitious-default algorithm of Eisenberg and Noe, as extended by Rogers and Veraart.
     * Starting from nobody in default, each round puts in default everyone who cannot pay in full at the current
     * payments, then solves the linear system (non-defaulters pay pbar; defaulter i pays
     * {@code alpha e_i + beta sum_j Pi[j][i] p_j}) exactly by Gaussian elimination, until the default set stops growing.
     */
    static final class FictitiousDefault {

        static double[][] obligations(FundingGraph graph) {
            int n = graph.size();
            double[][] l = new double[n][n];
            for (Edge edge : graph.edges()) {
                if (edge.kind().carriesCash() && edge.amountUsd().isPresent()) {
                    l[edge.from()][edge.to()] += edge.amountUsd().getAsDouble();
                }
            }
            return l;
        }

        static double[] solve(double[][] l, double[] e, double alpha, double beta) {
            int n = e.length;
            double[] pbar = new double[n];
            for (int i = 0; i < n; i++) {
                pbar[i] = Arrays.stream(l[i]).sum();
            }
            double[][] pi = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    pi[i][j] = pbar[i] > 0 ? l[i][j] / pbar[i] : 0;
                }
            }
            boolean[] inDefault = new boolean[n];
            double[] p = pbar.clone();
            while (true) {
                boolean grew = false;
                for (int i = 0; i < n; i++) {
                    double received = 0;
                    for (int j = 0; j < n; j++) {
                        received += pi[j][i] * p[j];
                    }
                    if (!inDefault[i] && e[i] + received < pbar[i]) {
                        inDefault[i] = true;
                        grew = true;
                    }
                }
                if (!grew) {
                    return p;
                }
                double[][] a = new double[n][n];
                double[] b = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i][i] = 1;
                    if (!inDefault[i]) {
                        b[i] = pbar[i];
                        continue;
                    }
                    b[i] = alpha * e[i];
                    for (int j = 0; j < n; j++) {
                        if (inDefault[j]) {
                            a[i][j] -= beta * pi[j][i];
                        } else {
                            b[i] += beta * pi[j][i] * pbar[j];
                        }
                    }
                }
                p = gauss(a, b);
            }
        }

        private static double[] gauss(double[][] a, double[] b) {
            int n = b.length;
            for (int c = 0; c < n; c++) {
                int pivot = c;
                for (int r = c + 1; r < n; r++) {
                    if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                        pivot = r;
                    }
                }
                double[] row = a[c];
                a[c] = a[pivot];
                a[pivot] = row;
                double t = b[c];
                b[c] = b[pivot];
                b[pivot] = t;
                for (int r = c + 1; r < n; r++) {
                    double f = a[r][c] / a[c][c];
                    if (f != 0) {
                        for (int k = c; k < n; k++) {
                            a[r][k] -= f * a[c][k];
                        }
                        b[r] -= f * b[c];
                    }
                }
            }
            double[] x = new double[n];
            for (int r = n - 1; r >= 0; r--) {
                double s = b[r];
                for (int k = r + 1; k < n; k++) {
                    s -= a[r][k] * x[k];
                }
                x[r] = s / a[r][r];
            }
            return x;
        }
    }
}
