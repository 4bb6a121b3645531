package dev.capflow.gateway.stream;

import java.util.concurrent.ThreadLocalRandom;

/**
 * When a {@link LiveTopic} reopens a lost upstream: exponential backoff from the initial delay up to the maximum, plus
 * up to a quarter of jitter, starting over once an event arrives. Not thread-safe: its topic's lock guards it.
 */
final class ReconnectBackoff {

    private final StreamConfig.Reconnect config;
    private boolean reconnecting;
    private int failedAttempts;

    ReconnectBackoff(StreamConfig.Reconnect config) {
        this.config = config;
    }

    /** The delay before the next attempt; the upstream counts as reconnecting until {@link #live()}. */
    long nextDelayMillis() {
        long initial = config.initialDelay().toMillis();
        long delay = Math.min(config.maxDelay().toMillis(), initial << Math.min(failedAttempts, 20));
        delay += ThreadLocalRandom.current().nextLong(delay / 4 + 1);
        failedAttempts++;
        reconnecting = true;
        return delay;
    }

    /** An event arrived: the backoff starts over. True when the upstream was reconnecting until now. */
    boolean live() {
        failedAttempts = 0;
        boolean wasReconnecting = reconnecting;
        reconnecting = false;
        return wasReconnecting;
    }

    boolean reconnecting() {
        return reconnecting;
    }
}
