package dev.capflow.gateway.request;

/**
 * Why one record of a batch was not stored. Exactly one locator is set: {@code index} (0-based
 * position in a JSON array) or {@code row} (1-based CSV line, counting the header).
 */
public record Rejection(Integer index, Integer row, String field, String reason) {

    public static Rejection atIndex(int index, String field, String reason) {
        return new Rejection(index, null, field, reason);
    }

    public static Rejection atRow(int row, String field, String reason) {
        return new Rejection(null, row, field, reason);
    }

    /** The same rejection located at another array position. */
    public Rejection movedTo(int newIndex) {
        return atIndex(newIndex, field, reason);
    }
}
