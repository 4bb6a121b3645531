package dev.capflow.gateway.health;

import dev.capflow.gateway.config.IngestClientConfig;
import dev.capflow.grpc.health.DownstreamReadiness;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import io.grpc.Channel;
import io.quarkus.grpc.GrpcClient;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports ingest-service's grpc.health.v1 status in the gateway's readiness data, as "up" or "degraded",
 * without ever making the gateway unready: while ingest-service is away every request still gets a clear
 * 503 problem answer from the gateway, whereas an unready gateway would be dropped from its Service on all
 * replicas at once and callers would only see connection errors at the ingress.
 */
@Readiness
@Singleton
public class IngestReadinessCheck extends DownstreamReadiness {

    static final String NAME = "ingest-service";

    public IngestReadinessCheck(@GrpcClient("ingest") Channel channel, IngestClientConfig config) {
        super(NAME, IngestServiceGrpc.SERVICE_NAME, channel, config.healthDeadline());
    }
}
