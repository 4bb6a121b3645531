package dev.capflow.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The one shared Quarkus test resource: a fresh PostgreSQL database and a Redis logical database
 * per test run (see {@link Datastores}). Init arg {@code redis-db} is the preferred Redis database; a free one is claimed so
 * that modules whose tests may run side by side do not share keys.
 */
public class PostgresRedisResource implements QuarkusTestResourceLifecycleManager {

    private static volatile Datastores current;
    private int redisDb = 1;

    @Override
    public void init(Map<String, String> initArgs) {
        redisDb = Integer.parseInt(initArgs.getOrDefault("redis-db", "1"));
    }

    @Override
    public Map<String, String> start() {
        current = Datastores.start(redisDb);
        return Map.of(
                "quarkus.datasource.jdbc.url", current.jdbcUrl(),
                "quarkus.datasource.reactive.url", current.reactiveUrl(),
                "quarkus.datasource.username", current.user(),
                "quarkus.datasource.password", current.password(),
                "quarkus.redis.hosts", current.redisUrl());
    }

    /** The datastores of the running test resource, for direct assertions on stored rows. */
    public static Datastores datastores() {
        if (current == null) {
            throw new IllegalStateException("PostgresRedisResource has not started");
        }
        return current;
    }

    @Override
    public void stop() {
        try {
            if (current != null) {
                current.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot release test datastores", e);
        } finally {
            current = null;
        }
    }
}
