package dev.capflow.randomcases;

import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.function.Consumer;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * Seeded, repeatable randomized cases for property tests. Case {@code k} of {@code seed} draws its parameters from
 * {@code new SplittableRandom(seed + k)}, so it can be rerun alone; a failure names the seed, the case and every drawn
 * parameter. Case 0 takes each parameter's smallest edge value (the range's minimum, 0 for a long), case 1 its largest
 * (the maximum); later cases take a random edge value one time in four, otherwise a uniform draw from the range.
 */
public final class RandomCases {

    private final SplittableRandom random;
    private final int index;
    private final StringJoiner drawn = new StringJoiner(", ");

    private RandomCases(long seed, int index) {
        this.random = new SplittableRandom(seed + index);
        this.index = index;
    }

    /** Runs {@code property} on cases 0 to {@code count - 1} of {@code seed}; the first failure stops the run. */
    public static void check(long seed, int count, Consumer<RandomCases> property) {
        for (int k = 0; k < count; k++) {
            RandomCases draws = new RandomCases(seed, k);
            try {
                property.accept(draws);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(
                        "case " + k + " of check seed " + seed + " (drawn: " + draws.drawn + "): " + e.getMessage(), e);
            }
        }
    }

    /** Any long; edge values 0, 1, -1, {@code Long.MIN_VALUE} and {@code Long.MAX_VALUE}. */
    public long anyLong(String name) {
        long[] edges = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE};
        int pick = edge(edges.length);
        long value = pick >= 0 ? edges[pick] : random.nextLong();
        drawn.add(name + "=" + value + "L");
        return value;
    }

    /** An int in [min, max]; edge values min, min + 1, -1, 0, 1, max - 1 and max where in range. */
    public int between(String name, int min, int max) {
        int[] edges = IntStream.of(min, min + 1, -1, 0, 1, max - 1, max)
                .filter(v -> v >= min && v <= max)
                .distinct()
                .sorted()
                .toArray();
        int pick = edge(edges.length);
        int value = pick >= 0 ? edges[pick] : min + random.nextInt(max - min + 1);
        drawn.add(name + "=" + value);
        return value;
    }

    /** A double in [min, max]; edge values min, 0 where in range, and max. */
    public double between(String name, double min, double max) {
        double[] edges = DoubleStream.of(min, 0, max)
                .filter(v -> v >= min && v <= max)
                .distinct()
                .sorted()
                .toArray();
        int pick = edge(edges.length);
        double value = pick >= 0 ? edges[pick] : Math.min(max, min + (max - min) * random.nextDouble());
        drawn.add(name + "=" + value);
        return value;
    }

    /** One of {@code values}, each equally likely; case 0 takes the first, case 1 the last. */
    @SafeVarargs
    public final <E> E oneOf(String name, E... values) {
        int pick = index < 2 ? edge(values.length) : random.nextInt(values.length);
        drawn.add(name + "=" + values[pick]);
        return values[pick];
    }

    /** The edge value to take out of {@code count} (-1 for a uniform draw). */
    private int edge(int count) {
        if (index == 0) {
            return 0;
        }
        if (index == 1) {
            return count - 1;
        }
        return random.nextInt(4) == 0 ? random.nextInt(count) : -1;
    }
}
