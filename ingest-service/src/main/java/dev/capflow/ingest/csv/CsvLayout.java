package dev.capflow.ingest.csv;

/** The daily CSV layouts understood by the importer. */
public enum CsvLayout {
    /** {@code Date,Open,High,Low,Close,Adj Close,Volume}. */
    YAHOO(7),
    /** {@code Date,Open,High,Low,Close,Volume}, Volume optional. */
    STOOQ(6);

    private final int columns;

    CsvLayout(int columns) {
        this.columns = columns;
    }

    /** Whether a row of {@code count} cells fits this layout. */
    boolean accepts(int count) {
        return this == YAHOO ? count == 7 : count == 5 || count == 6;
    }

    /** The index of the volume column, or -1 when a row of {@code count} cells carries none. */
    int volumeColumn(int count) {
        return count == columns ? columns - 1 : -1;
    }
}
