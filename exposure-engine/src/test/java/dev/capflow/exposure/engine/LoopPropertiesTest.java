package dev.capflow.exposure.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.capflow.randomcases.RandomCases;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Loop enumeration against brute force on small random graphs with parallel edges. */
class LoopPropertiesTest {

    /** Bottleneck descending (unknown last), then entity lists in lexicographic order. */
    private static final Comparator<Loop> ORDER = Comparator.comparingDouble(
                    (Loop loop) -> -loop.bottleneckUsd().orElse(Double.NEGATIVE_INFINITY))
            .thenComparing(Loop::entities, LoopPropertiesTest::compareLexicographically);

    /** 400 seeded cases of 1 to 8 entities, density 0.05 to 0.9, bound 0 (none) to 9 (see {@link RandomCases}). */
    @Test
    void enumerationEqualsBruteForce() {
        RandomCases.check(19_730_401L, 400, draw -> {
            long seed = draw.anyLong("seed");
            int n = draw.between("n", 1, 8);
            double density = draw.between("density", 0.05, 0.9);
            int maxLength = draw.between("maxLength", 0, 9);
            FundingGraph graph = RandomGraphs.cash(seed, n, density);

            LoopSearch search = LoopFinder.find(graph, new LoopQuery(maxLength, 0, 0));

            List<List<Integer>> expected = BruteForceCycles.of(graph, maxLength);
            assertThat(search.loops()).extracting(Loop::entities).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(search.loops()).isSortedAccordingTo(ORDER);
            assertThat(search.truncated()).isFalse();
            assertThat(LoopFinder.count(graph, maxLength)).isEqualTo(expected.size());
        });
    }

    /** 200 seeded cases of 2 to 8 entities, density 0.1 to 0.8 (see {@link RandomCases}). */
    @Test
    void everyLoopListsAllEdgesOfItsArcsAndStartsAtItsSmallestEntity() {
        RandomCases.check(19_730_402L, 200, draw -> {
            long seed = draw.anyLong("seed");
            int n = draw.between("n", 2, 8);
            double density = draw.between("density", 0.1, 0.8);
            FundingGraph graph = RandomGraphs.cash(seed, n, density);

            for (Loop loop : LoopFinder.find(graph, LoopQuery.all()).loops()) {
                List<Integer> entities = loop.entities();
                assertThat(entities.get(0))
                        .isEqualTo(entities.stream()
                                .mapToInt(Integer::intValue)
                                .min()
                                .orElseThrow());
                List<Edge> expected = new ArrayList<>();
                double bottleneck = Double.POSITIVE_INFINITY;
                double total = 0;
                for (int k = 0; k < entities.size(); k++) {
                    int from = entities.get(k);
                    int to = entities.get((k + 1) % entities.size());
                    double arc = Double.NaN;
                    for (Edge edge : graph.edges()) {
                        if (edge.kind().carriesCash() && edge.from() == from && edge.to() == to) {
                            expected.add(edge);
                            if (edge.amountUsd().isPresent()) {
                                arc = Double.isNaN(arc)
                                        ? edge.amountUsd().getAsDouble()
                                        : arc + edge.amountUsd().getAsDouble();
                            }
                        }
                    }
                    bottleneck = Math.min(bottleneck, arc);
                    total += Double.isNaN(arc) ? 0 : arc;
                }
                assertThat(loop.edges()).containsExactlyElementsOf(expected);
                assertThat(loop.totalUsd()).isEqualTo(total);
                if (Double.isNaN(bottleneck)) {
                    assertThat(loop.bottleneckUsd()).isEmpty();
                } else {
                    assertThat(loop.bottleneckUsd()).hasValue(bottleneck);
                }
            }
        });
    }

    /** 200 seeded cases of 2 to 8 entities, density 0.1 to 0.8, minUsd 1 to 120, bound 0 to 6 (see {@link RandomCases}). */
    @Test
    void minUsdKeepsExactlyTheLoopsWithAKnownBottleneckAtLeastThatLarge() {
        RandomCases.check(19_730_403L, 200, draw -> {
            long seed = draw.anyLong("seed");
            int n = draw.between("n", 2, 8);
            double density = draw.between("density", 0.1, 0.8);
            int minUsd = draw.between("minUsd", 1, 120);
            int maxLength = draw.between("maxLength", 0, 6);
            FundingGraph graph = RandomGraphs.cash(seed, n, density);

            List<Loop> all =
                    LoopFinder.find(graph, new LoopQuery(maxLength, 0, 0)).loops();
            List<Loop> kept =
                    LoopFinder.find(graph, new LoopQuery(maxLength, minUsd, 0)).loops();

            assertThat(kept)
                    .containsExactlyElementsOf(all.stream()
                            .filter(loop -> loop.bottleneckUsd().isPresent()
                                    && loop.bottleneckUsd().getAsDouble() >= minUsd)
                            .toList());
        });
    }

    /** 200 seeded cases of 3 to 8 entities, density 0.2 to 0.9, limit 1 to 40, bound 0 to 8 (see {@link RandomCases}). */
    @Test
    void aLimitBelowTheCountTruncatesToExactlyTheLimit() {
        RandomCases.check(19_730_404L, 200, draw -> {
            long seed = draw.anyLong("seed");
            int n = draw.between("n", 3, 8);
            double density = draw.between("density", 0.2, 0.9);
            int limit = draw.between("limit", 1, 40);
            int maxLength = draw.between("maxLength", 0, 8);
            FundingGraph graph = RandomGraphs.cash(seed, n, density);
            List<Loop> all =
                    LoopFinder.find(graph, new LoopQuery(maxLength, 0, 0)).loops();

            LoopSearch limited = LoopFinder.find(graph, new LoopQuery(maxLength, 0, limit));

            if (all.size() > limit) {
                assertThat(limited.truncated()).isTrue();
                assertThat(limited.loops()).hasSize(limit);
                assertThat(all).containsAll(limited.loops());
                assertThat(limited.loops()).isSortedAccordingTo(ORDER);
            } else {
                assertThat(limited.truncated()).isFalse();
                assertThat(limited.loops()).containsExactlyElementsOf(all);
            }
        });
    }

    /** Seeded, repeatable: 2,000 random graphs of 1 to 9 entities, bounds 0 to 5, minUsd 0, 30 or 60. */
    @Test
    void circularShareCountsExactlyTheInflowOnArcsOfSomeLoopTheQueryKeeps() {
        Random random = new Random(16_4);
        for (int run = 0; run < 2_000; run++) {
            int n = 1 + random.nextInt(9);
            FundingGraph graph = RandomGraphs.cash(random.nextLong(), n, 0.05 + 0.55 * random.nextDouble());
            int maxLength = random.nextInt(6);
            double minUsd = 30 * random.nextInt(3);
            Map<List<Integer>, Double> arcAmounts = arcAmounts(graph);
            Set<List<Integer>> arcsOnLoops = new HashSet<>();
            for (List<Integer> cycle : BruteForceCycles.of(graph, maxLength)) {
                List<List<Integer>> arcs = new ArrayList<>();
                for (int k = 0; k < cycle.size(); k++) {
                    arcs.add(List.of(cycle.get(k), cycle.get((k + 1) % cycle.size())));
                }
                if (minUsd == 0 || arcs.stream().allMatch(arc -> arcAmounts.getOrDefault(arc, Double.NaN) >= minUsd)) {
                    arcsOnLoops.addAll(arcs);
                }
            }
            double[] circular = new double[n];
            double[] inflow = new double[n];
            for (Edge edge : graph.edges()) {
                if (edge.kind().carriesCash() && edge.amountUsd().isPresent()) {
                    inflow[edge.to()] += edge.amountUsd().getAsDouble();
                    if (arcsOnLoops.contains(List.of(edge.from(), edge.to()))) {
                        circular[edge.to()] += edge.amountUsd().getAsDouble();
                    }
                }
            }

            // the limit truncates the listing, not the share
            double[] share =
                    LoopFinder.find(graph, new LoopQuery(maxLength, minUsd, 1)).circularShare();

            for (int i = 0; i < n; i++) {
                assertThat(share[i])
                        .as("run %d, entity %d", run, i)
                        .isCloseTo(inflow[i] > 0 ? circular[i] / inflow[i] : 0, within(1e-12));
            }
        }
    }

    @Test
    void aLoopLongerThanTheBoundOrUnderMinUsdNoLongerCountsAsCircular() {
        // a -> b -> c -> a (3 arcs of 50, 40, 10) and b <-> c (2 arcs of 40 and 5)
        FundingGraph graph = FundingGraph.of(
                List.of("a", "b", "c"),
                List.of(
                        Edge.amount("ab", 0, 1, EdgeKind.INVESTMENT, 50),
                                Edge.amount("bc", 1, 2, EdgeKind.PURCHASE, 40),
                        Edge.amount("ca", 2, 0, EdgeKind.PURCHASE, 10), Edge.amount("cb", 2, 1, EdgeKind.PURCHASE, 5)));

        assertThat(LoopFinder.find(graph, LoopQuery.all()).circularShare()).containsExactly(1, 1, 1);
        // only b <-> c is short enough: a's inflow (10) and b's inflow from a (50 of 55) are not on a 2-arc loop
        assertThat(LoopFinder.find(graph, new LoopQuery(2, 0, 0)).circularShare())
                .containsExactly(0, 5.0 / 55, 1);
        // at minUsd 10 the 5 back to b is dropped, leaving the triangle
        assertThat(LoopFinder.find(graph, new LoopQuery(0, 10, 0)).circularShare())
                .containsExactly(1, 50.0 / 55, 1);
        assertThat(LoopFinder.find(graph, new LoopQuery(0, 20, 0)).circularShare())
                .containsExactly(0, 0, 0);
    }

    /** The merged amount of each arc (u, v): the sum of the known amounts of its cash edges, absent when none is known. */
    private static Map<List<Integer>, Double> arcAmounts(FundingGraph graph) {
        Map<List<Integer>, Double> amounts = new HashMap<>();
        for (Edge edge : graph.edges()) {
            if (edge.kind().carriesCash() && edge.amountUsd().isPresent()) {
                amounts.merge(List.of(edge.from(), edge.to()), edge.amountUsd().getAsDouble(), Double::sum);
            }
        }
        return amounts;
    }

    private static int compareLexicographically(List<Integer> a, List<Integer> b) {
        for (int k = 0; k < Math.min(a.size(), b.size()); k++) {
            int order = Integer.compare(a.get(k), b.get(k));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
