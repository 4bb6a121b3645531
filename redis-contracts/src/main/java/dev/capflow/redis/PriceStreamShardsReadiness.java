package dev.capflow.redis;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * A price stream reader's readiness check, {@code price-stream-shards}: DOWN, naming both counts, while the stream's
 * writers record another shard count than this reader's (ticks would be lost silently); UP when they agree, when no
 * count is recorded, and when Redis does not answer (Redis is a cache and event bus, never a reason to be unready).
 * Each service extends it as a {@code @Readiness} bean with its own configuration.
 */
public abstract class PriceStreamShardsReadiness implements AsyncHealthCheck {

    private final PriceStreamShardCount shardCount;

    protected PriceStreamShardsReadiness(PriceStreamShardCount shardCount) {
        this.shardCount = shardCount;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return shardCount
                .agreement()
                .map(agreement -> HealthCheckResponse.named("price-stream-shards")
                        .status(agreement.agreed())
                        .withData("shards", agreement.detail())
                        .build());
    }
}
