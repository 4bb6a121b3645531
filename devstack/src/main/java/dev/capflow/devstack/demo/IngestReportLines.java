package dev.capflow.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Describes an ingest report ({@code accepted, duplicates, rejected[], skipped}, and for a CSV import
 * {@code rejectedCount}, which also counts the rejections beyond the detailed list) in one line, plus its first
 * rejections.
 */
final class IngestReportLines {

    static final int REJECTIONS_SHOWN = 5;

    private IngestReportLines() {}

    /** The summary line for {@code label}, then up to {@link #REJECTIONS_SHOWN} indented rejection lines. */
    static List<String> describe(String label, JsonNode report) {
        JsonNode rejected = report.path("rejected");
        int rejectedCount = rejectedCount(report);
        int skipped = report.path("skipped").asInt(0);
        List<String> lines = new ArrayList<>();
        lines.add(label + ": accepted " + report.path("accepted").asInt(0)
                + ", duplicates " + report.path("duplicates").asInt(0)
                + ", rejected " + rejectedCount
                + (skipped > 0 ? ", skipped " + skipped : ""));
        for (int i = 0; i < Math.min(rejected.size(), REJECTIONS_SHOWN); i++) {
            lines.add("    " + locator(rejected.get(i)) + " "
                    + rejected.get(i).path("field").asText("record") + ": "
                    + rejected.get(i).path("reason").asText(""));
        }
        int shown = Math.min(rejected.size(), REJECTIONS_SHOWN);
        if (rejectedCount > shown) {
            lines.add("    ... and " + (rejectedCount - shown) + " more");
        }
        return lines;
    }

    /** "row N" for CSV rejections, "index N" for JSON-array ones. */
    private static String locator(JsonNode rejection) {
        int row = rejection.path("row").asInt(0);
        return row > 0 ? "row " + row : "index " + rejection.path("index").asInt(-1);
    }

    /** The number of rejections in a report: its {@code rejectedCount} when it has one, else its detailed list's. */
    static int rejectedCount(JsonNode report) {
        return report.path("rejectedCount").asInt(report.path("rejected").size());
    }
}
