package dev.capflow.testsupport;

import java.net.URI;
import java.util.Map;

/**
 * Points the service's Redis client at a {@link TcpProxy} in front of the Redis of {@link PostgresRedisResource}, so
 * that a test can cut Redis and restore it while the service runs. Use it from a test profile's resources.
 */
public class RedisProxyResource extends TcpProxyResource {

    @Override
    protected TcpProxy open(Datastores stores) {
        return TcpProxy.start(stores.redisHost(), stores.redisPort());
    }

    @Override
    protected Map<String, String> pointAt(TcpProxy proxy, Datastores stores) {
        String database = URI.create(stores.redisUrl()).getPath();
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + proxy.port() + database);
    }

    /** The running proxy. */
    public static TcpProxy proxy() {
        return running(RedisProxyResource.class);
    }
}
