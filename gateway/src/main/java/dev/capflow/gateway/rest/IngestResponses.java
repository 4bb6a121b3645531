package dev.capflow.gateway.rest;

import dev.capflow.gateway.problem.RecordsRejectedException;
import dev.capflow.gateway.request.IngestReport;
import org.jboss.resteasy.reactive.RestResponse;

/** The HTTP answer to an ingest request: 200 with the report, unless every record was rejected (422). */
final class IngestResponses {

    private IngestResponses() {}

    /** 200 with {@code body}; fails with {@link RecordsRejectedException} when {@code report} stored nothing. */
    static <B> RestResponse<B> of(B body, IngestReport report) {
        return of(body, report, report.rejected().size());
    }

    /**
     * As {@link #of(Object, IngestReport)} for a report that details only some of its {@code rejectedCount}
     * rejections (a CSV import caps the detailed list): the decision and the message use the true count.
     */
    static <B> RestResponse<B> of(B body, IngestReport report, int rejectedCount) {
        if (rejectedCount > 0 && report.nothingKept()) {
            throw new RecordsRejectedException(body, rejectedCount);
        }
        return RestResponse.ok(body);
    }
}
