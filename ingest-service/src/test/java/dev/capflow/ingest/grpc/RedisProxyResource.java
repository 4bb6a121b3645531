package dev.capflow.ingest.grpc;

import java.net.URI;
import java.util.Map;

import dev.capflow.testsupport.Datastores;
import dev.capflow.testsupport.PostgresRedisResource;
import dev.capflow.testsupport.TcpProxy;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the service's Redis client at a {@link TcpProxy} in front of the test Redis, so a test can cut it. */
public class RedisProxyResource implements QuarkusTestResourceLifecycleManager {

    static volatile TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        Datastores stores = PostgresRedisResource.datastores();
        proxy = TcpProxy.start(stores.redisHost(), stores.redisPort());
        String database = URI.create(stores.redisUrl()).getPath();
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + proxy.port() + database);
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
        }
    }
}
