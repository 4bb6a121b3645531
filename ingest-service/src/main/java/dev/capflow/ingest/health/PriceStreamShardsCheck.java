package dev.capflow.ingest.health;

import dev.capflow.ingest.config.IngestConfig;
import dev.capflow.redis.PriceStreamShardCount;
import dev.capflow.redis.PriceStreamShardsReadiness;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.Readiness;

/** The price stream's shard count agreed with its writers' (see {@link PriceStreamShardsReadiness}). */
@Readiness
@Singleton
public class PriceStreamShardsCheck extends PriceStreamShardsReadiness {

    public PriceStreamShardsCheck(Redis redis, IngestConfig config) {
        super(new PriceStreamShardCount(
                redis, config.redis().streamShardKeys(), config.redis().readTimeout()));
    }
}
