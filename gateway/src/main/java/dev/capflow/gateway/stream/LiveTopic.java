package dev.capflow.gateway.stream;

import dev.capflow.grpc.GrpcFailures;
import io.grpc.Status;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One live stream shared by every local client asking the same question: a single upstream gRPC server stream and the
 * clients, under one lock. Its parts: the recent events for clients resuming with Last-Event-ID ({@link ReplayBuffer}),
 * the coalesced hand-out of events to the clients ({@link CoalescedHandOut}) and the backoff of a lost upstream
 * ({@link ReconnectBackoff}). A failed upstream (a service fault such as UNAVAILABLE, or an end the client did not ask
 * for) is reopened with backoff and the clients are told with {@code upstream} events; any other failure ends every
 * client's stream with an {@code end} event. The upstream call is cancelled {@code linger} after the last client left.
 */
final class LiveTopic {

    private static final Logger LOG = Logger.getLogger(LiveTopic.class);

    private final String key;
    private final Supplier<Multi<LiveEvent>> upstream;
    private final boolean latestOnJoin;
    private final StreamConfig config;
    private final Vertx vertx;
    private final Consumer<LiveTopic> onClosed;

    private final ReplayBuffer recent;
    private final CoalescedHandOut handOut;
    private final ReconnectBackoff backoff;
    private final Set<SseClient> clients = new LinkedHashSet<>();
    private boolean started;
    private boolean closed;
    private Cancellable call;
    private long lingerTimer = -1;
    private long heartbeatTimer = -1;

    LiveTopic(
            String key,
            Supplier<Multi<LiveEvent>> upstream,
            boolean latestOnJoin,
            StreamConfig config,
            Vertx vertx,
            Consumer<LiveTopic> onClosed) {
        this.key = key;
        this.upstream = upstream;
        this.latestOnJoin = latestOnJoin;
        this.config = config;
        this.vertx = vertx;
        this.onClosed = onClosed;
        this.recent = new ReplayBuffer(config.replayBuffer());
        this.handOut = new CoalescedHandOut(config.coalesce(), vertx, this::sendToAll, this::handOutDue);
        this.backoff = new ReconnectBackoff(config.reconnect());
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
        handOut.flush();
        if (lastEventId != null) {
            recent.replaySince(client, lastEventId);
        } else if (latestOnJoin && recent.latest() != null) {
            client.send(recent.latest());
        }
        if (backoff.reconnecting()) {
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

    synchronized long lastSequence() {
        return recent.lastSequence();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Ends every client's stream and cancels the upstream call. */
    synchronized void close() {
        if (closed) {
            return;
        }
        handOut.flush();
        closed = true;
        if (call != null) {
            call.cancel();
        }
        vertx.cancelTimer(heartbeatTimer);
        handOut.cancel();
        cancelLinger();
        List.copyOf(clients).forEach(SseClient::end);
        clients.clear();
        recent.clear();
        onClosed.accept(this);
    }

    private void open() {
        call = upstream.get().subscribe().with(this::onEvent, this::onFailure, this::onCompletion);
    }

    private synchronized void onEvent(LiveEvent event) {
        if (closed) {
            return;
        }
        if (backoff.live()) {
            broadcast(SseFrames.event(null, "upstream", "{\"state\":\"live\"}"));
        }
        handOut.add(recent.append(event.name(), event.data()));
    }

    private synchronized void handOutDue() {
        handOut.due();
        if (!closed) {
            handOut.flush();
        }
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
        long delay = backoff.nextDelayMillis();
        LOG.debugf("live stream %s lost upstream (%s); reopening in %d ms", key, reason, delay);
        broadcast(SseFrames.event(
                null,
                "upstream",
                "{\"state\":\"reconnecting\",\"reason\":\"" + reason + "\",\"retryInMs\":" + delay + "}"));
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
        handOut.flush();
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
