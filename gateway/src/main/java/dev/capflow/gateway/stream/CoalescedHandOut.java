package dev.capflow.gateway.stream;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands a {@link LiveTopic}'s events to its clients at most once per {@code coalesce} interval: the first event after a
 * quiet spell goes out at once, the ones that follow within the interval go out together, in one write per client.
 * Not thread-safe: its topic's lock guards it, and the topic's {@code due} callback (run by the timer) takes that lock
 * and calls {@link #due()}.
 */
final class CoalescedHandOut {

    private final Duration coalesce;
    private final Vertx vertx;
    private final Consumer<byte[]> sendToAll;
    private final Runnable dueUnderLock;
    /** Events buffered but not yet handed to the clients. */
    private final List<byte[]> unsent = new ArrayList<>();

    private long lastHandOutNanos;
    private long handOutTimer = -1;

    CoalescedHandOut(Duration coalesce, Vertx vertx, Consumer<byte[]> sendToAll, Runnable dueUnderLock) {
        this.coalesce = coalesce;
        this.vertx = vertx;
        this.sendToAll = sendToAll;
        this.dueUnderLock = dueUnderLock;
        // so that the first event goes out at once (nanoTime has an arbitrary origin, possibly negative)
        this.lastHandOutNanos = System.nanoTime() - coalesce.toNanos();
    }

    /** Buffers {@code frame}, handing it out now or when the interval since the last hand-out ends. */
    void add(byte[] frame) {
        unsent.add(frame);
        if (handOutTimer == -1) {
            long wait = lastHandOutNanos + coalesce.toNanos() - System.nanoTime();
            if (wait <= 0) {
                flush();
            } else {
                handOutTimer =
                        vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)), id -> dueUnderLock.run());
            }
        }
    }

    /** The timer fired: the next {@link #add} may schedule again (the topic flushes unless it closed). */
    void due() {
        handOutTimer = -1;
    }

    /** Sends the events not yet handed out to every client, together. */
    void flush() {
        if (unsent.isEmpty()) {
            return;
        }
        byte[] frames = unsent.size() == 1 ? unsent.get(0) : concat(unsent);
        unsent.clear();
        lastHandOutNanos = System.nanoTime();
        sendToAll.accept(frames);
    }

    void cancel() {
        vertx.cancelTimer(handOutTimer);
    }

    private static byte[] concat(List<byte[]> frames) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream(frames.size() * frames.get(0).length);
        frames.forEach(joined::writeBytes);
        return joined.toByteArray();
    }
}
