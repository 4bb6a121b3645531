package dev.capflow.testsupport;

import java.util.Map;

/**
 * Points the service's reactive PostgreSQL client at a {@link TcpProxy} in front of the database of
 * {@link PostgresRedisResource}, so that a test can cut PostgreSQL and restore it while the service runs. Flyway's JDBC
 * URL stays direct, so migrations run at start whatever the proxy does. Use it from a test profile's resources.
 */
public class PostgresProxyResource extends TcpProxyResource {

    @Override
    protected TcpProxy open(Datastores stores) {
        return TcpProxy.start(stores.pgHost(), stores.pgPort());
    }

    @Override
    protected Map<String, String> pointAt(TcpProxy proxy, Datastores stores) {
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + proxy.port() + "/" + stores.database());
    }

    /** The running proxy. */
    public static TcpProxy proxy() {
        return running(PostgresProxyResource.class);
    }
}
