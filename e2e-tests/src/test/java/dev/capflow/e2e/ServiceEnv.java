package dev.capflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.capflow.testsupport.Datastores;
import dev.capflow.testsupport.ProjectRoot;
import dev.capflow.testsupport.ServiceProcess;
import dev.capflow.testsupport.TestTokens;

/** The environment variables ./capflow gives each service, here pointed at a test's datastores. */
final class ServiceEnv {

    private ServiceEnv() {
    }

    /**
     * ingest-service on the PostgreSQL database {@code host:port/database} and the Redis at {@code redisUrl}, checking
     * bearer tokens with {@link #trust()}.
     */
    static Map<String, String> ingest(String host, int port, String database, String user, String password,
            String redisUrl) {
        Map<String, String> env = new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_USERNAME", user,
                "QUARKUS_DATASOURCE_PASSWORD", password,
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + host + ":" + port + "/" + database,
                "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + host + ":" + port + "/" + database,
                "QUARKUS_REDIS_HOSTS", redisUrl));
        env.putAll(trust());
        return env;
    }

    /** ingest-service on the test's own PostgreSQL database and Redis database. */
    static Map<String, String> ingest(Datastores stores) {
        return ingest(stores.pgHost(), stores.pgPort(), stores.database(), stores.user(), stores.password(),
                stores.redisUrl());
    }

    /** The key every gRPC service checks bearer tokens with: {@link TestTokens#shared()}, as the gateway's. */
    static Map<String, String> trust() {
        return Map.of("MP_JWT_VERIFY_PUBLICKEY", TestTokens.shared().publicKeyPem());
    }

    /** {@code name}'s own identity for calls made on nobody's behalf: a viewer service token, as ./capflow gives it. */
    static Map<String, String> identity(String name) {
        return Map.of("CAPFLOW_GRPC_AUTH_SERVICE_TOKEN", TestTokens.shared().serviceToken(name, "viewer", Duration.ofDays(1)));
    }

    /** basket-service on the test's own datastores, calling the given ingest-service process. */
    static Map<String, String> basket(Datastores stores, ServiceProcess ingest) {
        Map<String, String> env = new HashMap<>(ingest(stores));
        env.putAll(identity("basket-service"));
        env.putAll(client("INGEST", ingest));
        return env;
    }

    /** exposure-service on the test's own PostgreSQL database, calling the given ingest-service and basket-service. */
    static Map<String, String> exposure(Datastores stores, ServiceProcess ingest, ServiceProcess basket) {
        Map<String, String> env = new HashMap<>(ingest(stores));
        env.remove("QUARKUS_REDIS_HOSTS");
        env.putAll(identity("exposure-service"));
        env.putAll(client("INGEST", ingest));
        env.putAll(client("BASKET", basket));
        return env;
    }

    /**
     * gateway on the test's Redis (its answer cache and rate limit buckets), calling the given services in order:
     * ingest, basket, exposure. It trusts {@link TestTokens#shared()} ({@link GatewayApi} sends an admin token) and
     * its buckets are too large for any test but a rate limit test to empty.
     */
    static Map<String, String> gateway(Datastores stores, ServiceProcess... services) {
        String[] clients = { "INGEST", "BASKET", "EXPOSURE" };
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_REDIS_HOSTS", stores.redisUrl());
        env.putAll(trust());
        env.putAll(identity("gateway"));
        env.put("CAPFLOW_GATEWAY_RATE_LIMIT_READ_CAPACITY", "1000000");
        env.put("CAPFLOW_GATEWAY_RATE_LIMIT_WRITE_CAPACITY", "1000000");
        for (int i = 0; i < services.length; i++) {
            env.putAll(client(clients[i], services[i]));
        }
        return env;
    }

    /**
     * A devstack {@code --keys} directory holding {@link TestTokens#shared()}, for {@code load-demo --keys}: the demo
     * loader then sends tokens the test gateways trust. Written under the build directory; a throwaway test key.
     */
    static String demoKeys() {
        try {
            return TestTokens.shared().writeKeys(ProjectRoot.path().resolve("e2e-tests/target/test-keys")).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The host and port of the gRPC client {@code name} (upper case), pointed at {@code service}'s gRPC port. */
    private static Map<String, String> client(String name, ServiceProcess service) {
        return Map.of(
                "QUARKUS_GRPC_CLIENTS_" + name + "_HOST", "127.0.0.1",
                "QUARKUS_GRPC_CLIENTS_" + name + "_PORT", Integer.toString(service.grpcPort()));
    }
}
