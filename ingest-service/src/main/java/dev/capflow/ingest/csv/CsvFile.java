package dev.capflow.ingest.csv;

import java.util.List;

/**
 * A parsed CSV file: its layout, whether its rows carry a volume (a Stooq file may leave the column out) and one entry
 * per data line (blank lines and the header excluded).
 */
public record CsvFile(CsvLayout layout, boolean carriesVolume, List<CsvLine> lines) {

    public CsvFile {
        lines = List.copyOf(lines);
    }
}
