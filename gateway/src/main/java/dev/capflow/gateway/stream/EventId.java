package dev.capflow.gateway.stream;

/**
 * The id of an event of one stream: the stream's epoch (new each time the gateway opens the stream, so ids from
 * another replica or an earlier run never match) and the event's sequence number within it, written {@code epoch-seq}.
 */
record EventId(String epoch, long seq) {

    /** The id a client sent back, or null when it is not one of ours. */
    static EventId parse(String text) {
        if (text == null) {
            return null;
        }
        int dash = text.lastIndexOf('-');
        if (dash <= 0) {
            return null;
        }
        try {
            return new EventId(text.substring(0, dash), Long.parseLong(text.substring(dash + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return epoch + "-" + seq;
    }
}
