package dev.capflow.ingest.pricestream;

import io.quarkus.redis.client.RedisOptionsCustomizer;
import io.quarkus.redis.runtime.client.config.RedisConfig;
import io.vertx.redis.client.RedisOptions;
import jakarta.inject.Singleton;
import java.util.Objects;

/**
 * The options of the default Redis client, taken as Quarkus creates it (this customizer changes nothing), for a client
 * of the same Redis that must be a client of its own. No dependencies: Quarkus asks for it before Vert.x is there.
 */
@Singleton
public class DefaultRedisOptions implements RedisOptionsCustomizer {

    private volatile RedisOptions options;

    @Override
    public void customize(String clientName, RedisOptions options) {
        if (RedisConfig.isDefaultClient(clientName)) {
            this.options = new RedisOptions(options);
        }
    }

    /** A copy of the default client's options. */
    public RedisOptions copy() {
        return new RedisOptions(Objects.requireNonNull(options, "the default Redis client was not created"));
    }
}
