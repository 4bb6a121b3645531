package dev.capflow.devstack.demo;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Describes an ingest report ({@code accepted, duplicates, rejected[], skipped}) in one line, plus its first rejections. */
final class IngestReportLines {

    static final int REJECTIONS_SHOWN = 5;

    private IngestReportLines() {
    }

    /** The summary line for {@code label}, then up to {@link #REJECTIONS_SHOWN} indented rejection lines. */
    static List<String> describe(String label, JsonNode report) {
        JsonNode rejected = report.path("rejected");
        int skipped = report.path("skipped").asInt(0);
        List<String> lines = new ArrayList<>();
        lines.add(label + ": accepted " + report.path("accepted").asInt(0)
                + ", duplicates " + report.path("duplicates").asInt(0)
                + ", rejected " + rejected.size()
                + (skipped > 0 ? ", skipped " + skipped : ""));
        for (int i = 0; i < Math.min(rejected.size(), REJECTIONS_SHOWN); i++) {
            lines.add("    " + locator(rejected.get(i)) + " " + rejected.get(i).path("field").asText("record")
                    + ": " + rejected.get(i).path("reason").asText(""));
        }
        if (rejected.size() > REJECTIONS_SHOWN) {
            lines.add("    ... and " + (rejected.size() - REJECTIONS_SHOWN) + " more");
        }
        return lines;
    }

    /** "row N" for CSV rejections, "index N" for JSON-array ones. */
    private static String locator(JsonNode rejection) {
        int row = rejection.path("row").asInt(0);
        return row > 0 ? "row " + row : "index " + rejection.path("index").asInt(-1);
    }

    /** The number of rejections in a report. */
    static int rejectedCount(JsonNode report) {
        return report.path("rejected").size();
    }
}
