package dev.capflow.gateway.rest.dto;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.capflow.gateway.request.IngestReport;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The final report of a CSV import: the detected layout, the number of data rows, and the ingest report. */
@Schema(name = "CsvImportReport")
public record CsvImportReport(
        @Schema(example = "NVDA") String symbol,
        @Schema(enumeration = { "YAHOO", "STOOQ" }, example = "YAHOO") String layout,
        @Schema(description = "Data rows in the file, header excluded.", example = "84") int rowsTotal,
        @JsonUnwrapped IngestReport report) {
}
