package dev.capflow.gateway.rest.dto;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.capflow.gateway.request.IngestReport;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The final report of a bulk CSV import: data rows, counts, the first rejections by line and how many were left out. */
@Schema(name = "BulkCsvImportReport")
public record BulkCsvImportReport(
        @Schema(description = "Data rows in the file, header and blank lines excluded.", example = "1260000")
        int rowsTotal,

        @JsonUnwrapped IngestReport report,

        @Schema(description = "Every rejected row, including those beyond the detail cap.", example = "2")
        int rejectedCount,

        @Schema(
                description =
                        "Rejected rows counted but not detailed (beyond the first capflow.gateway.ingest.bulk.max-rejections by line).",
                example = "0")
        int rejectionsOmitted) {}
