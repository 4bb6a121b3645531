package dev.capflow.gateway.rest.mapping;

import dev.capflow.gateway.problem.JsonFieldNames;
import dev.capflow.gateway.request.EnumCodec;
import dev.capflow.gateway.request.IngestReport;
import dev.capflow.gateway.request.Rejection;
import dev.capflow.gateway.rest.dto.CsvImportReport;
import dev.capflow.proto.ingest.v1.CsvLayout;
import dev.capflow.proto.ingest.v1.ImportCsvResponse;

/** Maps the ingest contract's reports to the REST report shape. */
public final class ReportMapping {

    private static final EnumCodec<CsvLayout> LAYOUTS = new EnumCodec<>(CsvLayout.class, "CSV_LAYOUT_");

    private ReportMapping() {}

    /**
     * A report whose rejections keep the locator the service set: a CSV row (naming the CSV column), else an index
     * (naming the field as the JSON record spells it, {@code tradeId} for the service's {@code trade_id}).
     */
    public static IngestReport fromProto(dev.capflow.proto.common.v1.IngestReport report) {
        return new IngestReport(
                report.getAccepted(),
                report.getDuplicates(),
                report.getSkipped(),
                report.getRejectedList().stream()
                        .map(r -> r.getRow() > 0
                                ? Rejection.atRow(r.getRow(), r.getField(), r.getReason())
                                : Rejection.atIndex(r.getIndex(), JsonFieldNames.of(r.getField()), r.getReason()))
                        .toList(),
                report.getReplaced());
    }

    /** The final message of a CSV import stream as the answer of {@code POST /prices/csv}. */
    public static CsvImportReport toView(String symbol, ImportCsvResponse last) {
        return new CsvImportReport(
                symbol,
                LAYOUTS.name(last.getLayout()),
                last.getRowsTotal(),
                fromProto(last.getReport()),
                last.getRejectedCount(),
                last.getRejectionsOmitted());
    }
}
