package dev.capflow.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void plainCellsAreSplitAtCommasAndStripped() {
        assertThat(CsvCells.split(" 2025-11-03 , 10.5,,11 ")).containsExactly("2025-11-03", "10.5", "", "11");
        assertThat(CsvCells.split("")).containsExactly("");
    }

    @Test
    void aQuotedCellKeepsItsCommasAndItsDoubledQuotes() {
        assertThat(CsvCells.split("\"2025-11-03\",\"1,000\",\"say \"\"hi\"\"\""))
                .containsExactly("2025-11-03", "1,000", "say \"hi\"");
        assertThat(CsvCells.split("NVDA, \" 10.5 \" ,\"\"")).containsExactly("NVDA", "10.5", "");
    }

    @Test
    void aQuoteInsideAnUnquotedCellOrLeftOpenIsKeptAsText() {
        assertThat(CsvCells.split("ab\"c,d")).containsExactly("ab\"c", "d");
        assertThat(CsvCells.split("\"open, to the end")).containsExactly("open, to the end");
    }
}
