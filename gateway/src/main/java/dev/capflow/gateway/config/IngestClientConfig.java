package dev.capflow.gateway.config;

import dev.capflow.grpc.DownstreamPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Call policy for ingest-service (host and port live under quarkus.grpc.clients.ingest). */
@ConfigMapping(prefix = "capflow.gateway.ingest")
public interface IngestClientConfig extends DownstreamPolicy {

    /** The bulk CSV route (POST /prices/bars/bulk-csv), streamed to ImportBars. */
    Bulk bulk();

    interface Bulk {
        /** Bars per ImportBars chunk. */
        @WithDefault("5000")
        int chunkSize();

        /** Chunks sent and not yet acknowledged at once: the file is held this many chunks at a time. */
        @WithDefault("4")
        int inFlight();

        /** Deadline of one whole import (one stream). */
        @WithDefault("30m")
        Duration deadline();

        /** Rejections the report details (the first by line); further ones are only counted. */
        @WithDefault("1000")
        int maxRejections();
    }
}
