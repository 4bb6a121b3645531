package dev.capflow.gateway.stream;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The recent events of one {@link LiveTopic}, numbered within a random epoch, for clients resuming with Last-Event-ID
 * and for the latest value a new client may get on joining. Not thread-safe: its topic's lock guards it.
 */
final class ReplayBuffer {

    private final String epoch = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    private final Deque<Buffered> recent = new ArrayDeque<>();
    private final int capacity;
    private long lastSeq;

    private record Buffered(long seq, byte[] frame) {}

    ReplayBuffer(int capacity) {
        this.capacity = capacity;
    }

    /** Numbers an event, keeps it (dropping the oldest beyond the capacity) and answers its frame. */
    /** The sequence of the newest event of this epoch (0 before the first). */
    long lastSequence() {
        return lastSeq;
    }

    byte[] append(String eventName, String data) {
        long seq = ++lastSeq;
        byte[] frame = SseFrames.event(new EventId(epoch, seq).toString(), eventName, data);
        recent.addLast(new Buffered(seq, frame));
        if (recent.size() > capacity) {
            recent.removeFirst();
        }
        return frame;
    }

    /** The newest event's frame, or null when none is kept. */
    byte[] latest() {
        return recent.isEmpty() ? null : recent.peekLast().frame();
    }

    /** Sends {@code client} the events after {@code lastEventId}, or a {@code reset} event when they are gone. */
    void replaySince(SseClient client, String lastEventId) {
        EventId last = EventId.parse(lastEventId);
        long oldestKept = recent.isEmpty() ? lastSeq + 1 : recent.peekFirst().seq();
        if (last == null || !last.epoch().equals(epoch) || last.seq() > lastSeq || last.seq() < oldestKept - 1) {
            // the reset carries the current id, so the client's next reconnect resumes from here
            client.send(
                    SseFrames.event(
                            new EventId(epoch, lastSeq).toString(),
                            "reset",
                            "{\"reason\":\"the events since Last-Event-ID are no longer available; read the current state again\"}"));
            return;
        }
        for (Buffered event : recent) {
            if (event.seq() > last.seq()) {
                client.send(event.frame());
            }
        }
    }

    void clear() {
        recent.clear();
    }
}
