package dev.capflow.ingest.csv;

import java.util.List;

/** A parsed CSV file: its layout and one entry per data line (blank lines and the header excluded). */
public record CsvFile(CsvLayout layout, List<CsvLine> lines) {

    public CsvFile {
        lines = List.copyOf(lines);
    }
}
