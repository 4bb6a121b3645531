package dev.capflow.gateway.stream;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The live SSE streams ({@code capflow.gateway.stream.*}). */
@ConfigMapping(prefix = "capflow.gateway.stream")
public interface StreamConfig {

    /** A comment line is sent this often on every stream, so proxies and clients see it is alive. */
    @WithDefault("15s")
    Duration heartbeat();

    /**
     * Events of a stream that arrive within this interval of the last ones handed out go to the clients together, in
     * one write each (0: every event on its own). Bounds both the added latency and the socket writes per client.
     */
    @WithDefault("5ms")
    Duration coalesce();

    /** Events kept per stream for clients that resume with Last-Event-ID; older ids get a {@code reset} event. */
    @WithDefault("1024")
    int replayBuffer();

    /**
     * What a client may have buffered, not yet taken by its socket. A client further behind is disconnected; its
     * EventSource reconnects with Last-Event-ID and is replayed from the buffer.
     */
    @WithDefault("128K")
    MemorySize clientBuffer();

    /**
     * How long a stream's upstream gRPC call stays open after its last client left, so a reconnecting client can
     * resume; then it is cancelled.
     */
    @WithDefault("30s")
    Duration linger();

    /** The {@code retry:} hint sent to clients: how long an EventSource waits before reconnecting. */
    @WithDefault("2s")
    Duration clientRetry();

    /** Reconnection of a failed upstream gRPC stream: exponential backoff with jitter. */
    Reconnect reconnect();

    interface Reconnect {
        @WithDefault("200ms")
        Duration initialDelay();

        @WithDefault("10s")
        Duration maxDelay();
    }
}
