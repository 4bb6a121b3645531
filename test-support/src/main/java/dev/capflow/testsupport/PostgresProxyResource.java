package dev.capflow.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the service's reactive PostgreSQL client at a {@link TcpProxy} in front of the database of
 * {@link PostgresRedisResource}, so that a test can cut PostgreSQL and restore it while the service runs. Flyway's JDBC
 * URL stays direct, so migrations run at start whatever the proxy does. Use it from a test profile's resources.
 */
public class PostgresProxyResource implements QuarkusTestResourceLifecycleManager {

    private static volatile TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        Datastores stores = PostgresRedisResource.datastores();
        proxy = TcpProxy.start(stores.pgHost(), stores.pgPort());
        return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + proxy.port() + "/" + stores.database());
    }

    /** The running proxy. */
    public static TcpProxy proxy() {
        if (proxy == null) {
            throw new IllegalStateException("PostgresProxyResource has not started");
        }
        return proxy;
    }

    /** After PostgresRedisResource, whose database it fronts and whose reactive URL it replaces. */
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
