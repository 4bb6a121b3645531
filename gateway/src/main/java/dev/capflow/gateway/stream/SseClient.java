package dev.capflow.gateway.stream;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * One browser's open event stream. Sending never blocks: frames are appended to the client's pending buffer, and the
 * connection's event loop writes everything pending in one write when it gets to it, so a busy gateway writes many
 * events per socket write instead of falling behind on per-event writes.
 * <p>
 * A client that still has more than {@code maxBufferedBytes} not taken by its socket (pending here or written to the
 * connection) when more arrive is disconnected, so a stalled reader costs a bounded amount of memory and never delays
 * the other clients of the stream. The bound is in bytes, not events, because events arrive in batches of any size.
 */
final class SseClient {

    private final HttpServerResponse response;
    private final Context connectionContext;
    private final long maxBufferedBytes;

    // guarded by this: senders are the upstream's threads, the writer is the connection's event loop
    private Buffer pending;
    private long bufferedBytes;
    private boolean flushScheduled;
    private boolean ending;
    private boolean closed;

    /** {@code connectionContext} is the context the request arrived on: writes happen there, in order. */
    SseClient(HttpServerResponse response, Context connectionContext, long maxBufferedBytes) {
        this.response = response;
        this.connectionContext = connectionContext;
        this.maxBufferedBytes = maxBufferedBytes;
    }

    /** Queues whole frames; false when the client is gone or was just disconnected for falling behind. */
    boolean send(byte[] frames) {
        synchronized (this) {
            if (closed || ending) {
                return false;
            }
            // judged on what it has not taken yet, so a burst coalesced into one large batch never drops a reader
            if (bufferedBytes <= maxBufferedBytes) {
                bufferedBytes += frames.length;
                if (pending == null) {
                    pending = Buffer.buffer(Math.max(1024, frames.length * 2));
                }
                pending.appendBytes(frames);
                scheduleFlush();
                return true;
            }
        }
        disconnect();
        return false;
    }

    /** Ends the stream after the frames already queued. */
    synchronized void end() {
        if (!closed && !ending) {
            ending = true;
            scheduleFlush();
        }
    }

    /** Drops the connection at once: the queued frames would only delay the reconnect. */
    void disconnect() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pending = null;
        }
        // on the connection's event loop: closing runs the close handler, which must not run inside a broadcast
        connectionContext.runOnContext(ignored -> response.close());
    }

    /** Runs {@code action} once the connection is gone (at once if it already is). */
    void onGone(Runnable action) {
        response.closeHandler(ignored -> {
            markClosed();
            action.run();
        });
        if (response.closed()) {
            markClosed();
            action.run();
        }
    }

    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            connectionContext.runOnContext(ignored -> flush());
        }
    }

    /** On the connection's event loop: one write of everything queued since the last flush. */
    private void flush() {
        Buffer batch;
        boolean end;
        synchronized (this) {
            flushScheduled = false;
            if (closed) {
                return;
            }
            batch = pending;
            pending = null;
            end = ending;
            if (end) {
                closed = true;
            }
        }
        try {
            if (batch != null) {
                int bytes = batch.length();
                response.write(batch).onComplete(done -> taken(bytes));
            }
            if (end) {
                response.end();
            }
        } catch (IllegalStateException connectionGone) {
            markClosed();
        }
    }

    private synchronized void taken(int bytes) {
        bufferedBytes -= bytes;
    }

    private synchronized void markClosed() {
        closed = true;
        pending = null;
    }
}
