package dev.capflow.grpc.shutdown;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** How this process's gRPC server ends its calls on shutdown ({@code capflow.grpc.drain.*}). */
@ConfigMapping(prefix = "capflow.grpc.drain")
public interface GrpcDrainConfig {

    /**
     * How long the calls in flight when shutdown starts (after {@code quarkus.shutdown.delay}) get to finish before the
     * server stops. The pods' termination grace period (50s) stays above preStop (5s) + the delay (5s) + the HTTP
     * shutdown timeout (30s, only used up by a hanging HTTP request) + this. Its value is in this jar's
     * {@code microprofile-config.properties}, where deploy-tests reads it to check the grace periods.
     */
    Duration timeout();
}
