package dev.capflow.gateway.config;

import io.smallrye.config.ConfigMapping;
import dev.capflow.grpc.DownstreamPolicy;

/** Call policy for exposure-service (host and port live under quarkus.grpc.clients.exposure). */
@ConfigMapping(prefix = "capflow.gateway.exposure")
public interface ExposureClientConfig extends DownstreamPolicy {
}
