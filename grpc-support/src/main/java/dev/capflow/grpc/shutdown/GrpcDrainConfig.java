package dev.capflow.grpc.shutdown;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How this process's gRPC server ends its calls on shutdown ({@code capflow.grpc.drain.*}). */
@ConfigMapping(prefix = "capflow.grpc.drain")
public interface GrpcDrainConfig {

    /**
     * How long the calls in flight when shutdown starts (after {@code quarkus.shutdown.delay}) get to finish before the
     * server stops; keep the pod's termination grace period above delay + this + the HTTP shutdown timeout.
     */
    @WithDefault("15s")
    Duration timeout();
}
