package dev.capflow.gateway.config;

import io.smallrye.config.ConfigMapping;

/** Call policy for ingest-service (host and port live under quarkus.grpc.clients.ingest). */
@ConfigMapping(prefix = "capflow.gateway.ingest")
public interface IngestClientConfig extends DownstreamPolicy {
}
