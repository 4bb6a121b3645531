package dev.capflow.ingest.domain;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The outcome of validating a batch: the records fit to store and one rejection per unfit record. */
public record Validated<T>(List<T> valid, List<Rejection> rejected) {

    public Validated {
        valid = List.copyOf(valid);
        rejected = List.copyOf(rejected);
    }

    /**
     * The index among the {@code inputCount} inputs of each valid record: a validator keeps the order of its inputs,
     * with one valid record for each input it did not reject.
     */
    public int[] validIndices(int inputCount) {
        Set<Integer> rejectedIndices = rejected.stream().map(Rejection::index).collect(Collectors.toSet());
        return IntStream.range(0, inputCount)
                .filter(i -> !rejectedIndices.contains(i))
                .toArray();
    }
}
