package dev.capflow.gateway.rest.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.gateway.request.Rejection;
import dev.capflow.proto.common.v1.IngestReport;
import org.junit.jupiter.api.Test;

/** The service's rejections reach the client under the names the client sent. */
class ReportMappingTest {

    private static dev.capflow.proto.common.v1.Rejection.Builder rejection(String field) {
        return dev.capflow.proto.common.v1.Rejection.newBuilder()
                .setField(field)
                .setReason("bad");
    }

    @Test
    void aJsonRecordsFieldIsNamedAsItsJsonMember() {
        var report = ReportMapping.fromProto(IngestReport.newBuilder()
                .addRejected(rejection("trade_id").setIndex(0))
                .addRejected(rejection("tick.trade_id").setIndex(1))
                .addRejected(rejection("close").setIndex(2))
                .build());

        assertThat(report.rejected()).extracting(Rejection::field).containsExactly("tradeId", "tradeId", "close");
    }

    @Test
    void aCsvRowKeepsTheColumnName() {
        var report = ReportMapping.fromProto(IngestReport.newBuilder()
                .addRejected(rejection("adj close").setRow(3))
                .build());

        assertThat(report.rejected())
                .extracting(Rejection::row, Rejection::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "adj close"));
    }
}
