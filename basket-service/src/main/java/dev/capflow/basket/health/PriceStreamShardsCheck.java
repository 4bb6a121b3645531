package dev.capflow.basket.health;

import dev.capflow.basket.config.BasketConfig;
import dev.capflow.redis.PriceStreamShardCount;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN, naming both counts, while the price stream's writers record another shard count than this reader's: ticks
 * would be lost silently. UP when they agree, when no count is recorded, and when Redis does not answer (Redis is a
 * cache and event bus, never a reason to be unready).
 */
@Readiness
@ApplicationScoped
public class PriceStreamShardsCheck implements AsyncHealthCheck {

    private final PriceStreamShardCount shardCount;

    public PriceStreamShardsCheck(Redis redis, BasketConfig config) {
        this.shardCount = new PriceStreamShardCount(
                redis, config.redis().streamShardKeys(), config.redis().timeout());
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
