package dev.capflow.gateway.stream;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * One browser's open event stream. Writes never block: each frame is handed to the connection, and a client with more
 * than {@code maxInFlight} frames not yet taken by its socket is disconnected, so a stalled reader costs a bounded
 * amount of memory and never delays the other clients of the stream.
 */
final class SseClient {

    private final HttpServerResponse response;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    SseClient(HttpServerResponse response, int maxInFlight) {
        this.response = response;
        this.maxInFlight = maxInFlight;
    }

    /** Sends one frame; false when the client is gone or was just disconnected for falling behind. */
    boolean send(byte[] frame) {
        if (closed.get()) {
            return false;
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            disconnect();
            return false;
        }
        try {
            response.write(Buffer.buffer(frame)).onComplete(done -> inFlight.decrementAndGet());
            return true;
        } catch (IllegalStateException connectionGone) {
            closed.set(true);
            return false;
        }
    }

    /** Ends the stream after the frames already sent. */
    void end() {
        if (closed.compareAndSet(false, true) && !response.closed()) {
            response.end();
        }
    }

    /** Drops the connection at once: the queued frames would only delay the reconnect. */
    void disconnect() {
        if (closed.compareAndSet(false, true)) {
            response.close();
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Runs {@code action} once the connection is gone (at once if it already is). */
    void onGone(Runnable action) {
        response.closeHandler(ignored -> {
            closed.set(true);
            action.run();
        });
        if (response.closed()) {
            closed.set(true);
            action.run();
        }
    }
}
