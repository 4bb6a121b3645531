package dev.capflow.exposure.health;

import dev.capflow.exposure.config.ExposureConfig;
import dev.capflow.grpc.health.DownstreamReadiness;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import io.grpc.Channel;
import io.quarkus.grpc.GrpcClient;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.Readiness;

/** ingest-service in the readiness data: "up" or "degraded", never DOWN. */
@Readiness
@Singleton
public class IngestReadiness extends DownstreamReadiness {

    public IngestReadiness(@GrpcClient("ingest") Channel channel, ExposureConfig config) {
        super(
                "ingest-service",
                IngestServiceGrpc.SERVICE_NAME,
                channel,
                config.ingest().healthDeadline());
    }
}
