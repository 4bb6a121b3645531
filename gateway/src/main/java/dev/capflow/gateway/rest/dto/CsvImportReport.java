package dev.capflow.gateway.rest.dto;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.capflow.gateway.request.IngestReport;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The final report of a CSV import: the detected layout, the number of data rows, the ingest report (whose
 * {@code rejected} list details at most the service's cap of rejections), and the true count of rejected rows.
 */
@Schema(name = "CsvImportReport")
public record CsvImportReport(
        @Schema(example = "NVDA") String symbol,

        @Schema(
                enumeration = {"YAHOO", "STOOQ"},
                example = "YAHOO")
        String layout,

        @Schema(description = "Data rows in the file, header excluded.", example = "84")
        int rowsTotal,

        @JsonUnwrapped IngestReport report,

        @Schema(
                description = "Every rejected row, including those beyond the detail cap (1000 by default).",
                example = "1")
        int rejectedCount,

        @Schema(
                description = "Rejected rows counted but not listed in rejected (beyond the detail cap).",
                example = "0")
        int rejectionsOmitted) {}
