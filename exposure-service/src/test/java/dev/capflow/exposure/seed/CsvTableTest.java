package dev.capflow.exposure.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaks() {
        CsvTable table = CsvTable.parse(
                "t.csv", "id,note\r\na,\"one, two\"\n\nb,\"say \"\"hi\"\"\nagain\"\nc\n", List.of("id", "note"));
        assertThat(table.rows()).extracting(r -> r.get("id")).containsExactly("a", "b", "c");
        assertThat(table.rows().get(0).get("note")).isEqualTo("one, two");
        assertThat(table.rows().get(1).get("note")).isEqualTo("say \"hi\"\nagain");
        assertThat(table.rows().get(2).get("note")).isEmpty();
        assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(2, 4, 6);
    }

    @Test
    void aMissingColumnOrAnUnclosedQuoteNamesTheFile() {
        assertThat(catchThrowableOfType(
                                IllegalStateException.class,
                                () -> CsvTable.parse("e.csv", "id\nx\n", List.of("id", "kind")))
                        .getMessage())
                .isEqualTo("e.csv: the header has no column kind (it has [id])");
        assertThat(catchThrowableOfType(
                                IllegalStateException.class, () -> CsvTable.parse("e.csv", "id\n\"x\n", List.of("id")))
                        .getMessage())
                .isEqualTo("e.csv line 2: a quoted field is not closed");
    }
}
