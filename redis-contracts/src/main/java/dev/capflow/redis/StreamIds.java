package dev.capflow.redis;

/** Stream entry ids ({@code <ms>-<seq>}, or {@code <ms>} alone) compared as the numbers they are. */
final class StreamIds {

    private StreamIds() {}

    static long millis(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? Long.parseLong(id) : Long.parseLong(id, 0, dash, 10);
    }

    static long sequence(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? 0 : Long.parseLong(id, dash + 1, id.length(), 10);
    }

    /** Negative, zero or positive as {@code a} comes before, is, or comes after {@code b} in a stream. */
    static int compare(String a, String b) {
        int byMillis = Long.compare(millis(a), millis(b));
        return byMillis != 0 ? byMillis : Long.compare(sequence(a), sequence(b));
    }
}
