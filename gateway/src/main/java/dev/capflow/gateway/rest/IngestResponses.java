package dev.capflow.gateway.rest;

import dev.capflow.gateway.request.IngestReport;
import dev.capflow.gateway.problem.RecordsRejectedException;
import org.jboss.resteasy.reactive.RestResponse;

/** The HTTP answer to an ingest request: 200 with the report, unless every record was rejected (422). */
final class IngestResponses {

    private IngestResponses() {
    }

    /** 200 with {@code body}; fails with {@link RecordsRejectedException} when {@code report} stored nothing. */
    static <B> RestResponse<B> of(B body, IngestReport report) {
        if (report.everyRecordRejected()) {
            throw new RecordsRejectedException(body, report.rejected().size());
        }
        return RestResponse.ok(body);
    }
}
