package dev.capflow.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class YahooCsvTest {

    @Test
    void repeatsTheCloseAndKeepsAdjCloseAndVolumeAsWritten() {
        String yahoo = YahooCsv.fromDemoFile("NVDA.csv", """
                date,close,adj_close,volume
                2025-09-02,170.77999877929688,170.55284118652344,231164900
                """);

        assertThat(yahoo.lines().toList())
                .containsExactly(
                        "Date,Open,High,Low,Close,Adj Close,Volume",
                        "2025-09-02,170.77999877929688,170.77999877929688,170.77999877929688,170.77999877929688,170.55284118652344,231164900");
    }

    @Test
    void fallsBackToCloseForEmptyAdjCloseAndToZeroForMissingVolume() {
        List<String> sftby = YahooCsv.fromDemoFile(
                        "SFTBY.csv", "date,close,adj_close,volume\n2025-09-02,12.6899995803833,,1815600\n")
                .lines()
                .toList();
        List<String> usdjpy = YahooCsv.fromDemoFile("USDJPY.csv", "date,close\r\n2025-09-01,147.0970001220703\r\n")
                .lines()
                .toList();

        assertThat(sftby.get(1))
                .isEqualTo(
                        "2025-09-02,12.6899995803833,12.6899995803833,12.6899995803833,12.6899995803833,12.6899995803833,1815600");
        assertThat(usdjpy.get(1))
                .isEqualTo(
                        "2025-09-01,147.0970001220703,147.0970001220703,147.0970001220703,147.0970001220703,147.0970001220703,0");
    }

    @Test
    void usesOpenHighLowWhenTheFileHasThem() {
        List<String> rows = YahooCsv.fromDemoFile("X.csv", "Date,Open,High,Low,Close\n2025-09-02,1,3,0.5,2\n")
                .lines()
                .toList();

        assertThat(rows.get(1)).isEqualTo("2025-09-02,1,3,0.5,2,2,0");
    }

    @Test
    void keepsEveryRowInPlaceSoRejectionRowsPointIntoTheDemoFile() {
        List<String> rows = YahooCsv.fromDemoFile("X.csv", "date,close\n2025-09-02,1\n2025-09-03,\n2025-09-04,3\n")
                .lines()
                .toList();

        assertThat(rows).hasSize(4);
        assertThat(rows.get(2)).isEqualTo("2025-09-03,,,,,,0");
        assertThat(rows.get(3)).startsWith("2025-09-04,3");
    }

    @Test
    void namesTheFileAndTheMissingColumn() {
        assertThatThrownBy(() -> YahooCsv.fromDemoFile("BAD.csv", "date,price\n2025-09-02,1\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BAD.csv: header has no 'close' column (found: date,price)");
        assertThatThrownBy(() -> YahooCsv.fromDemoFile("EMPTY.csv", "")).hasMessageContaining("EMPTY.csv: empty file");
    }

    @Test
    void convertsEveryShippedDemoFileRowForRow() throws Exception {
        try (var files = Files.list(Path.of("../demo/prices"))) {
            List<Path> csvFiles =
                    files.filter(f -> f.toString().endsWith(".csv")).toList();
            assertThat(csvFiles).hasSize(18);
            for (Path file : csvFiles) {
                List<String> demo = Files.readAllLines(file);
                List<String> yahoo = YahooCsv.fromDemoFile(file.getFileName().toString(), Files.readString(file))
                        .lines()
                        .toList();
                assertThat(yahoo).as(file.toString()).hasSize(demo.size());
                String[] firstDemoRow = demo.get(1).split(",", -1);
                String[] firstYahooRow = yahoo.get(1).split(",", -1);
                assertThat(firstYahooRow[0]).isEqualTo(firstDemoRow[0]);
                assertThat(firstYahooRow[4]).as(file + " close").isEqualTo(firstDemoRow[1]);
            }
        }
    }
}
