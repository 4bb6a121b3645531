package dev.capflow.gateway.problem;

/** Signals an ingest request none of whose records could be stored; answered 422 with the full report. */
public class RecordsRejectedException extends RuntimeException {

    private final transient Object report;

    public RecordsRejectedException(Object report, int rejectedCount) {
        super("all " + rejectedCount + " records were rejected; see rejected for the reasons");
        this.report = report;
    }

    /** The report as it would have been answered with 200, e.g. an IngestReport or a CsvImportReport. */
    public Object report() {
        return report;
    }
}
