package dev.capflow.testsupport;

import java.net.URI;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the service's Redis client at a {@link TcpProxy} in front of the Redis of {@link PostgresRedisResource}, so
 * that a test can cut Redis and restore it while the service runs. Use it from a test profile's resources.
 */
public class RedisProxyResource implements QuarkusTestResourceLifecycleManager {

    private static volatile TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        Datastores stores = PostgresRedisResource.datastores();
        proxy = TcpProxy.start(stores.redisHost(), stores.redisPort());
        String database = URI.create(stores.redisUrl()).getPath();
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + proxy.port() + database);
    }

    /** The running proxy. */
    public static TcpProxy proxy() {
        if (proxy == null) {
            throw new IllegalStateException("RedisProxyResource has not started");
        }
        return proxy;
    }

    /** After PostgresRedisResource, whose Redis it fronts and whose quarkus.redis.hosts it replaces. */
    @Override
    public int order() {
        return 10;
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
    }
}
