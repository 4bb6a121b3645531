package dev.capflow.ingest.domain;

import java.util.List;

/** The outcome of validating a batch: the records fit to store and one rejection per unfit record. */
public record Validated<T>(List<T> valid, List<Rejection> rejected) {

    public Validated {
        valid = List.copyOf(valid);
        rejected = List.copyOf(rejected);
    }
}
