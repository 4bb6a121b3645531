package dev.capflow.gateway.config;

import io.smallrye.config.ConfigMapping;
import dev.capflow.grpc.DownstreamPolicy;

/** Call policy for ingest-service (host and port live under quarkus.grpc.clients.ingest). */
@ConfigMapping(prefix = "capflow.gateway.ingest")
public interface IngestClientConfig extends DownstreamPolicy {
}
