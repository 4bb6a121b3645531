package dev.capflow.grpc;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How a capflow service calls one downstream gRPC service: per-call deadlines, read retries, circuit breaker. */
public interface DownstreamPolicy {

    /** Deadline of each read call (one attempt; a retry gets a fresh deadline). */
    @WithDefault("5s")
    Duration readDeadline();

    /** Deadline of each write or collecting call (batch ingest, CSV import). */
    @WithDefault("30s")
    Duration writeDeadline();

    /** Deadline of the grpc.health.v1 check behind a readiness check. */
    @WithDefault("1s")
    Duration healthDeadline();

    /**
     * How often the channel resolves the service's DNS name again (0 never), so that replicas added
     * since join the round robin: grpc-java itself re-resolves only when a connection breaks.
     */
    @WithDefault("30s")
    Duration reResolveInterval();

    /** Retries of read calls that failed with UNAVAILABLE. */
    Retry retry();

    /** The circuit breaker shared by every call to the service. */
    CircuitBreaker circuitBreaker();

    /** Retry settings for idempotent reads. */
    interface Retry {
        @WithDefault("2")
        int maxRetries();

        @WithDefault("200ms")
        Duration delay();

        @WithDefault("100ms")
        Duration jitter();
    }

    /** Circuit breaker settings; only failures of the service itself count (see GrpcFailures). */
    interface CircuitBreaker {
        /** Size of the rolling window, and the least number of calls before the breaker may open. */
        @WithDefault("20")
        int requestVolumeThreshold();

        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before it lets a trial call through. */
        @WithDefault("5s")
        Duration delay();

        @WithDefault("1")
        int successThreshold();
    }
}
