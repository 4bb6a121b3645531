package dev.capflow.ingest.domain;

import java.util.List;

/** What happened to the records of one ingest call: accepted, duplicate, rejected, skipped or replaced (corrected). */
public record IngestResult(int accepted, int duplicates, List<Rejection> rejected, int skipped, int replaced) {

    public static final IngestResult EMPTY = new IngestResult(0, 0, List.of(), 0);

    public IngestResult {
        rejected = List.copyOf(rejected);
    }

    /** A result of an insert-only write: nothing replaced. */
    public IngestResult(int accepted, int duplicates, List<Rejection> rejected, int skipped) {
        this(accepted, duplicates, rejected, skipped, 0);
    }
}
