package dev.capflow.ingest.domain;

/**
 * A bar an insert did not write because a bar with other values is stored for its symbol and date: an insert keeps
 * what is stored (a retry is a duplicate), so a different bar is rejected, naming the first field that differs and
 * the stored value, instead of being counted as a duplicate.
 */
public record InsertConflict(String field, String reason) {

    /** The conflict between {@code sent} and the {@code stored} bar of the same symbol and date. */
    public static InsertConflict of(DailyBar sent, DailyBar stored) {
        String field;
        String storedValue;
        if (Double.compare(sent.close(), stored.close()) != 0) {
            field = "close";
            storedValue = String.valueOf(stored.close());
        } else if (Double.compare(sent.open(), stored.open()) != 0) {
            field = "open";
            storedValue = String.valueOf(stored.open());
        } else if (Double.compare(sent.high(), stored.high()) != 0) {
            field = "high";
            storedValue = String.valueOf(stored.high());
        } else if (Double.compare(sent.low(), stored.low()) != 0) {
            field = "low";
            storedValue = String.valueOf(stored.low());
        } else {
            field = "volume";
            storedValue = String.valueOf(stored.volume());
        }
        return new InsertConflict(
                field,
                "a bar of " + stored.symbol() + " for " + stored.date() + " with " + field + " " + storedValue
                        + " is already stored, and an insert keeps it: write this bar as a correction (replace mode)"
                        + " to change it");
    }
}
