package dev.capflow.gateway.health;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.capflow.gateway.config.IngestClientConfig;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse.ServingStatus;
import grpc.health.v1.MutinyHealthGrpc;
import io.grpc.Channel;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * Reports ingest-service's grpc.health.v1 status in the gateway's readiness data, as "up" or "degraded",
 * without ever making the gateway unready: while ingest-service is away every request still gets a clear
 * 503 problem answer from the gateway, whereas an unready gateway would be dropped from its Service on all
 * replicas at once and callers would only see connection errors at the ingress.
 */
@Readiness
@ApplicationScoped
public class IngestReadinessCheck implements AsyncHealthCheck {

    static final String NAME = "ingest-service";

    private final MutinyHealthGrpc.MutinyHealthStub health;
    private final IngestClientConfig config;

    public IngestReadinessCheck(@GrpcClient("ingest") Channel channel, IngestClientConfig config) {
        this.health = MutinyHealthGrpc.newMutinyStub(channel);
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        HealthCheckRequest request = HealthCheckRequest.newBuilder().setService(IngestServiceGrpc.SERVICE_NAME).build();
        return health.withDeadlineAfter(config.healthDeadline().toMillis(), TimeUnit.MILLISECONDS).check(request)
                .map(response -> response.getStatus().name())
                .onFailure().recoverWithItem(failure -> Status.fromThrowable(failure).getCode().name())
                .map(status -> HealthCheckResponse.named(NAME).up()
                        .withData(NAME, ServingStatus.SERVING.name().equals(status) ? "up" : "degraded")
                        .withData("grpc-health", status)
                        .build());
    }
}
