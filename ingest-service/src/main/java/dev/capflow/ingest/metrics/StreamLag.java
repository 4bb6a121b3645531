package dev.capflow.ingest.metrics;

import java.time.Clock;

/**
 * How far the price stream reader is behind the stream head, in milliseconds: the age of the newest
 * entry of its last non-empty read (a Redis stream id starts with the entry's creation time in ms), and
 * 0 once a read comes back empty, i.e. the reader has caught up.
 */
public final class StreamLag {

    private final Clock clock;
    private volatile long millis;

    public StreamLag(Clock clock) {
        this.clock = clock;
    }

    /** A read returned entries up to {@code newestEntryId} (e.g. {@code 1761663600000-3}). */
    public void read(String newestEntryId) {
        long created = createdMillis(newestEntryId);
        if (created >= 0) {
            millis = Math.max(0, clock.millis() - created);
        }
    }

    /** A read returned nothing new: the reader is at the head of the stream. */
    public void caughtUp() {
        millis = 0;
    }

    public long millis() {
        return millis;
    }

    /** The creation time in ms of a stream entry id {@code <ms>-<seq>}, or -1 when the id is not of that form. */
    static long createdMillis(String entryId) {
        if (entryId == null) {
            return -1;
        }
        int dash = entryId.indexOf('-');
        try {
            return Long.parseLong(dash < 0 ? entryId : entryId.substring(0, dash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
