package dev.capflow.ingest.csv;

import dev.capflow.ingest.domain.BarInput;
import dev.capflow.ingest.domain.Rejection;

/** What the parser made of one data line of a CSV file. */
public sealed interface CsvLine {

    /** The 1-based line number, counting the header. */
    int row();

    /** A line read as a bar, still to be validated. */
    record Parsed(int row, BarInput bar) implements CsvLine {}

    /** A line that could not be read as a bar. */
    record Rejected(Rejection rejection) implements CsvLine {

        @Override
        public int row() {
            return rejection.row();
        }
    }

    /** A placeholder line without data (a Yahoo row of "null" values). */
    record Skipped(int row) implements CsvLine {}
}
