package dev.capflow.gateway.config;

import dev.capflow.grpc.DownstreamPolicy;
import io.smallrye.config.ConfigMapping;

/** Call policy for exposure-service (host and port live under quarkus.grpc.clients.exposure). */
@ConfigMapping(prefix = "capflow.gateway.exposure")
public interface ExposureClientConfig extends DownstreamPolicy {}
