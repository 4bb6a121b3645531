package dev.capflow.gateway.stream;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import dev.capflow.grpc.GrpcFailures;
import io.grpc.Status;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;

/**
 * One live stream shared by every local client asking the same question: a single upstream gRPC server stream, a
 * bounded buffer of its recent events for clients resuming with Last-Event-ID, and the clients. A failed upstream
 * (a service fault such as UNAVAILABLE, or an end the client did not ask for) is reopened with exponential backoff
 * and the clients are told with {@code upstream} events; any other failure ends every client's stream with an
 * {@code end} event. The upstream call is cancelled {@code linger} after the last client left.
 * <p>
 * Events are handed to the clients at most once per {@code coalesce} interval: the first event after a quiet spell
 * goes out at once, and the ones that follow within the interval go out together, in one write per client. At
 * thousands of events a second this turns one socket write per event per client into one per interval.
 */
final class LiveTopic {

    private static final Logger LOG = Logger.getLogger(LiveTopic.class);

    private final String key;
    private final Supplier<Multi<LiveEvent>> upstream;
    private final boolean latestOnJoin;
    private final StreamConfig config;
    private final Vertx vertx;
    private final Consumer<LiveTopic> onClosed;
    private final String epoch = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);

    private final Deque<Buffered> recent = new ArrayDeque<>();
    private final Set<SseClient> clients = new LinkedHashSet<>();
    /** Events buffered but not yet handed to the clients (see {@code coalesce}). */
    private final List<byte[]> unsent = new ArrayList<>();
    private long lastSeq;
    private boolean started;
    private boolean closed;
    private boolean reconnecting;
    private int failedAttempts;
    private Cancellable call;
    private long lingerTimer = -1;
    private long heartbeatTimer = -1;
    private long lastHandOutNanos;
    private long handOutTimer = -1;

    private record Buffered(long seq, byte[] frame) {
    }

    LiveTopic(String key, Supplier<Multi<LiveEvent>> upstream, boolean latestOnJoin, StreamConfig config, Vertx vertx,
            Consumer<LiveTopic> onClosed) {
        this.key = key;
        this.upstream = upstream;
        this.latestOnJoin = latestOnJoin;
        this.config = config;
        this.vertx = vertx;
        this.onClosed = onClosed;
        // so that the first event goes out at once (nanoTime has an arbitrary origin, possibly negative)
        this.lastHandOutNanos = System.nanoTime() - config.coalesce().toNanos();
    }

    /**
     * Adds {@code client}: first the events it missed since {@code lastEventId} (or a {@code reset} event when they are
     * no longer buffered), then every new event. False when the topic closed meanwhile (ask for a new one).
     */
    synchronized boolean join(SseClient client, String lastEventId) {
        if (closed) {
            return false;
        }
        cancelLinger();
        // the new client's replay below covers these, so the others must have them first
        handOutUnsent();
        if (lastEventId != null) {
            replaySince(client, lastEventId);
        } else if (latestOnJoin && !recent.isEmpty()) {
            client.send(recent.peekLast().frame());
        }
        if (reconnecting) {
            client.send(SseFrames.event(null, "upstream", "{\"state\":\"reconnecting\"}"));
        }
        clients.add(client);
        if (!started) {
            started = true;
            heartbeatTimer = vertx.setPeriodic(config.heartbeat().toMillis(), id -> heartbeat());
            open();
        }
        return true;
    }

    synchronized void leave(SseClient client) {
        if (clients.remove(client) && clients.isEmpty() && !closed) {
            lingerTimer = vertx.setTimer(Math.max(1, config.linger().toMillis()), id -> closeIfIdle());
        }
    }

    String key() {
        return key;
    }

    synchronized int clientCount() {
        return clients.size();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Ends every client's stream and cancels the upstream call. */
    synchronized void close() {
        if (closed) {
            return;
        }
        handOutUnsent();
        closed = true;
        if (call != null) {
            call.cancel();
        }
        vertx.cancelTimer(heartbeatTimer);
        vertx.cancelTimer(handOutTimer);
        cancelLinger();
        List.copyOf(clients).forEach(SseClient::end);
        clients.clear();
        recent.clear();
        onClosed.accept(this);
    }

    private void replaySince(SseClient client, String lastEventId) {
        EventId last = EventId.parse(lastEventId);
        long oldestKept = recent.isEmpty() ? lastSeq + 1 : recent.peekFirst().seq();
        if (last == null || !last.epoch().equals(epoch) || last.seq() > lastSeq || last.seq() < oldestKept - 1) {
            // the reset carries the current id, so the client's next reconnect resumes from here
            client.send(SseFrames.event(new EventId(epoch, lastSeq).toString(), "reset",
                    "{\"reason\":\"the events since Last-Event-ID are no longer available; read the current state again\"}"));
            return;
        }
        for (Buffered event : recent) {
            if (event.seq() > last.seq()) {
                client.send(event.frame());
            }
        }
    }

    private void open() {
        call = upstream.get().subscribe().with(this::onEvent, this::onFailure, this::onCompletion);
    }

    private synchronized void onEvent(LiveEvent event) {
        if (closed) {
            return;
        }
        if (reconnecting) {
            reconnecting = false;
            broadcast(SseFrames.event(null, "upstream", "{\"state\":\"live\"}"));
        }
        failedAttempts = 0;
        long seq = ++lastSeq;
        byte[] frame = SseFrames.event(new EventId(epoch, seq).toString(), event.name(), event.data());
        recent.addLast(new Buffered(seq, frame));
        if (recent.size() > config.replayBuffer()) {
            recent.removeFirst();
        }
        unsent.add(frame);
        if (handOutTimer == -1) {
            long wait = lastHandOutNanos + config.coalesce().toNanos() - System.nanoTime();
            if (wait <= 0) {
                handOutUnsent();
            } else {
                handOutTimer = vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)), id -> handOutDue());
            }
        }
    }

    private synchronized void handOutDue() {
        handOutTimer = -1;
        if (!closed) {
            handOutUnsent();
        }
    }

    /** Sends the events not yet handed out to every client, together. */
    private void handOutUnsent() {
        if (unsent.isEmpty()) {
            return;
        }
        byte[] frames = unsent.size() == 1 ? unsent.get(0) : concat(unsent);
        unsent.clear();
        lastHandOutNanos = System.nanoTime();
        sendToAll(frames);
    }

    private static byte[] concat(List<byte[]> frames) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream(frames.size() * frames.get(0).length);
        frames.forEach(joined::writeBytes);
        return joined.toByteArray();
    }

    private synchronized void onFailure(Throwable failure) {
        if (closed) {
            return;
        }
        if (GrpcFailures.countsAgainstService(failure)) {
            reconnectLater(GrpcFailures.statusCode(failure).name());
            return;
        }
        Status status = Status.fromThrowable(failure);
        LOG.infof("live stream %s ended upstream: %s", key, status.getCode());
        broadcast(SseFrames.event(null, "end", "{\"reason\":\"" + status.getCode() + "\"}"));
        close();
    }

    private synchronized void onCompletion() {
        if (!closed) {
            // the service ended the stream (a replica shutting down): open it again, possibly on another replica
            reconnectLater("COMPLETED");
        }
    }

    private void reconnectLater(String reason) {
        long initial = config.reconnect().initialDelay().toMillis();
        long delay = Math.min(config.reconnect().maxDelay().toMillis(), initial << Math.min(failedAttempts, 20));
        delay += ThreadLocalRandom.current().nextLong(delay / 4 + 1);
        failedAttempts++;
        reconnecting = true;
        LOG.debugf("live stream %s lost upstream (%s); reopening in %d ms", key, reason, delay);
        broadcast(SseFrames.event(null, "upstream", "{\"state\":\"reconnecting\",\"reason\":\"" + reason
                + "\",\"retryInMs\":" + delay + "}"));
        vertx.setTimer(Math.max(1, delay), id -> reopen());
    }

    private synchronized void reopen() {
        if (!closed) {
            open();
        }
    }

    private synchronized void heartbeat() {
        broadcast(SseFrames.comment("heartbeat"));
    }

    private synchronized void closeIfIdle() {
        lingerTimer = -1;
        if (clients.isEmpty()) {
            close();
        }
    }

    private void cancelLinger() {
        if (lingerTimer != -1) {
            vertx.cancelTimer(lingerTimer);
            lingerTimer = -1;
        }
    }

    /** Sends a control frame (a heartbeat, a change of upstream state) after the events before it. */
    private void broadcast(byte[] frame) {
        handOutUnsent();
        sendToAll(frame);
    }

    private void sendToAll(byte[] frames) {
        List<SseClient> gone = null;
        for (SseClient client : clients) {
            if (!client.send(frames)) {
                gone = gone == null ? new ArrayList<>() : gone;
                gone.add(client);
            }
        }
        if (gone != null) {
            gone.forEach(this::leave);
        }
    }
}
