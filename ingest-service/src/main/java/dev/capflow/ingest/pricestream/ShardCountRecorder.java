package dev.capflow.ingest.pricestream;

import dev.capflow.ingest.config.IngestConfig;
import dev.capflow.redis.PriceStreamShardCount;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Records this writer's price stream shard count in Redis at start and every {@link PriceStreamShardCount#REFRESH},
 * for the readers to check theirs against; logs an error when another writer had recorded a different one. Best
 * effort: with Redis down nothing is recorded, and the next round tries again.
 */
@ApplicationScoped
public class ShardCountRecorder {

    private static final Logger LOG = Logger.getLogger(ShardCountRecorder.class);

    private final PriceStreamShardCount shardCount;
    private Cancellable rounds;

    public ShardCountRecorder(Redis redis, IngestConfig config) {
        this.shardCount = new PriceStreamShardCount(
                redis, config.redis().streamShardKeys(), config.redis().readTimeout());
    }

    void start(@Observes StartupEvent event) {
        rounds = Multi.createFrom()
                .ticks()
                .startingAfter(Duration.ofMillis(1))
                .every(PriceStreamShardCount.REFRESH)
                .onOverflow()
                .drop()
                .onItem()
                .transformToUniAndConcatenate(tick -> shardCount
                        .record()
                        .onFailure()
                        .invoke(failure -> LOG.debugf("shard count not recorded (Redis: %s)", failure.getMessage()))
                        .onFailure()
                        .recoverWithNull())
                .subscribe()
                .with(disagreement -> disagreement.ifPresent(LOG::error)); // a failed round is skipped (null)
    }

    void stop(@Observes ShutdownEvent event) {
        if (rounds != null) {
            rounds.cancel();
        }
    }
}
