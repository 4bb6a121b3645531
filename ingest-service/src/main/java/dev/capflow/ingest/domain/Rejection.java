package dev.capflow.ingest.domain;

/**
 * Why one record was not stored. Exactly one locator is meaningful: {@code index} (0-based position
 * in a request, {@code row} = 0) or {@code row} (1-based CSV line counting the header, {@code index} = -1).
 */
public record Rejection(int index, int row, String field, String reason) {

    /** A rejection located by its 0-based position in a request. */
    public static Rejection atIndex(int index, String field, String reason) {
        return new Rejection(index, 0, field, reason);
    }

    /** A rejection located by its 1-based CSV line. */
    public static Rejection atRow(int row, String field, String reason) {
        return new Rejection(-1, row, field, reason);
    }

    /** The same rejection relocated to a CSV line. */
    public Rejection toRow(int csvRow) {
        return atRow(csvRow, field, reason);
    }
}
