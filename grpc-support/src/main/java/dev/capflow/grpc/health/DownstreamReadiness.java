package dev.capflow.grpc.health;

import dev.capflow.grpc.DownstreamCalls;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse.ServingStatus;
import grpc.health.v1.MutinyHealthGrpc;
import io.grpc.Channel;
import io.grpc.Status;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Reports a downstream service's grpc.health.v1 status in the readiness data, as "up" or "degraded", without ever
 * making this service unready: while a downstream service is away, a capflow service still answers what does not need
 * it and refuses the rest with a clear UNAVAILABLE, whereas an unready service would be dropped from its Service on all
 * replicas at once. A subclass is the {@code @Readiness} bean of one downstream service.
 */
public abstract class DownstreamReadiness implements AsyncHealthCheck {

    private final String name;
    private final String grpcService;
    private final MutinyHealthGrpc.MutinyHealthStub health;
    private final Duration deadline;

    protected DownstreamReadiness(String name, String grpcService, Channel channel, Duration deadline) {
        this.name = name;
        this.grpcService = grpcService;
        this.health = MutinyHealthGrpc.newMutinyStub(channel);
        this.deadline = deadline;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        HealthCheckRequest request =
                HealthCheckRequest.newBuilder().setService(grpcService).build();
        return DownstreamCalls.withDeadline(health, deadline)
                .check(request)
                .map(response -> response.getStatus().name())
                .onFailure()
                .recoverWithItem(
                        failure -> Status.fromThrowable(failure).getCode().name())
                .map(status -> HealthCheckResponse.named(name)
                        .up()
                        .withData(name, ServingStatus.SERVING.name().equals(status) ? "up" : "degraded")
                        .withData("grpc-health", status)
                        .build());
    }
}
