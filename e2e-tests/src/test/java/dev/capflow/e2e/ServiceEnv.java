package dev.capflow.e2e;

import java.util.Map;

import dev.capflow.testsupport.Datastores;
import dev.capflow.testsupport.ServiceProcess;

/** The environment variables ./capflow gives each service, here pointed at a test's datastores. */
final class ServiceEnv {

    private ServiceEnv() {
    }

    /** ingest-service on the PostgreSQL database {@code host:port/database} and the Redis at {@code redisUrl}. */
    static Map<String, String> ingest(String host, int port, String database, String user, String password,
            String redisUrl) {
        return Map.of(
                "QUARKUS_DATASOURCE_USERNAME", user,
                "QUARKUS_DATASOURCE_PASSWORD", password,
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + host + ":" + port + "/" + database,
                "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + host + ":" + port + "/" + database,
                "QUARKUS_REDIS_HOSTS", redisUrl);
    }

    /** ingest-service on the test's own PostgreSQL database and Redis database. */
    static Map<String, String> ingest(Datastores stores) {
        return ingest(stores.pgHost(), stores.pgPort(), stores.database(), stores.user(), stores.password(),
                stores.redisUrl());
    }

    /** gateway calling the given ingest-service process. */
    static Map<String, String> gateway(ServiceProcess ingest) {
        return Map.of(
                "QUARKUS_GRPC_CLIENTS_INGEST_HOST", "localhost",
                "QUARKUS_GRPC_CLIENTS_INGEST_PORT", Integer.toString(ingest.port()));
    }
}
