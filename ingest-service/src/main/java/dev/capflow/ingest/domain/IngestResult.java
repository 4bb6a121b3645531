package dev.capflow.ingest.domain;

import java.util.ArrayList;
import java.util.List;

/** What happened to the records of one ingest call: accepted, duplicate, rejected or skipped. */
public record IngestResult(int accepted, int duplicates, List<Rejection> rejected, int skipped) {

    public static final IngestResult EMPTY = new IngestResult(0, 0, List.of(), 0);

    public IngestResult {
        rejected = List.copyOf(rejected);
    }

    /** The sum of two results, rejections in order. */
    public IngestResult plus(IngestResult other) {
        List<Rejection> all = new ArrayList<>(rejected.size() + other.rejected.size());
        all.addAll(rejected);
        all.addAll(other.rejected);
        return new IngestResult(accepted + other.accepted, duplicates + other.duplicates, all,
                skipped + other.skipped);
    }
}
