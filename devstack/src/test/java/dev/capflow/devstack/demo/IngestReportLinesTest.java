package dev.capflow.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class IngestReportLinesTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void summarizesACleanReportInOneLine() throws Exception {
        var report = json.readTree("{\"accepted\":85,\"duplicates\":0,\"rejected\":[]}");

        assertThat(IngestReportLines.describe("prices/NVDA.csv -> NVDA", report))
                .containsExactly("prices/NVDA.csv -> NVDA: accepted 85, duplicates 0, rejected 0");
        assertThat(IngestReportLines.rejectedCount(report)).isZero();
    }

    @Test
    void listsTheFirstRejectionsWithRowOrIndexAndField() throws Exception {
        StringBuilder rejected =
                new StringBuilder("[{\"index\":-1,\"row\":3,\"field\":\"close\",\"reason\":\"must be > 0\"}");
        for (int i = 0; i < 6; i++) {
            rejected.append(",{\"index\":").append(i).append(",\"row\":0,\"field\":\"date\",\"reason\":\"bad\"}");
        }
        var report = json.readTree("{\"accepted\":1,\"duplicates\":2,\"skipped\":1,\"rejected\":" + rejected + "]}");

        assertThat(IngestReportLines.describe("X", report))
                .containsExactly(
                        "X: accepted 1, duplicates 2, rejected 7, skipped 1",
                        "    row 3 close: must be > 0",
                        "    index 0 date: bad",
                        "    index 1 date: bad",
                        "    index 2 date: bad",
                        "    index 3 date: bad",
                        "    ... and 2 more");
        assertThat(IngestReportLines.rejectedCount(report)).isEqualTo(7);
    }

    @Test
    void aCsvReportCountsTheRejectionsBeyondItsDetailedList() throws Exception {
        var report = json.readTree("{\"accepted\":1,\"duplicates\":0,\"rejectedCount\":1500,"
                + "\"rejectionsOmitted\":1499,\"rejected\":[{\"index\":-1,\"row\":2,\"field\":\"date\","
                + "\"reason\":\"bad\"}]}");

        assertThat(IngestReportLines.describe("prices/BAD.csv -> BAD", report))
                .containsExactly(
                        "prices/BAD.csv -> BAD: accepted 1, duplicates 0, rejected 1500",
                        "    row 2 date: bad",
                        "    ... and 1499 more");
        assertThat(IngestReportLines.rejectedCount(report)).isEqualTo(1500);
    }
}
