package dev.capflow.gateway.request;

import java.util.List;

/**
 * The outcome of one ingest request: counts of stored, duplicate, skipped and replaced (corrected) records, and every
 * rejection.
 */
public record IngestReport(int accepted, int duplicates, int skipped, List<Rejection> rejected, int replaced) {

    public IngestReport {
        rejected = List.copyOf(rejected);
    }

    /** A report of an insert-only write: nothing replaced. */
    public IngestReport(int accepted, int duplicates, int skipped, List<Rejection> rejected) {
        this(accepted, duplicates, skipped, rejected, 0);
    }

    /** A report for a request whose records were all rejected before reaching the service. */
    public static IngestReport onlyRejections(List<Rejection> rejected) {
        return new IngestReport(0, 0, 0, rejected);
    }

    /** True when records were sent and none of them was stored, found duplicate or skipped. */
    public boolean everyRecordRejected() {
        return !rejected.isEmpty() && nothingKept();
    }

    /** True when no record was stored, found duplicate, skipped or replaced. */
    public boolean nothingKept() {
        return accepted == 0 && duplicates == 0 && skipped == 0 && replaced == 0;
    }
}
