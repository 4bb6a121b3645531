package dev.capflow.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capflow.devstack.postgres.PgUrl;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackEnvironmentTest {

    private static final StackDatastores STORES = new StackDatastores(
            new PgUrl("db.local", 5433, "capflow", null), "capflow", "secret", "redis://cache.local:6380/2");
    private static final Path KEYS = Path.of("/keys");

    private static StackEnvironment localStack() {
        return new StackEnvironment(ServiceTable.SERVICES, STORES, Trust.keyFiles(KEYS));
    }

    @Test
    void theTableListsTheServicesInStartOrderWithTheirPorts() {
        assertThat(ServiceTable.SERVICES)
                .extracting(ServiceSpec::name)
                .containsExactly("ingest-service", "basket-service", "exposure-service", "gateway");
        assertThat(ServiceTable.named("basket-service").httpPort()).isEqualTo(8082);
        assertThat(ServiceTable.named("basket-service").grpcPort()).isEqualTo(9082);
        assertThat(ServiceTable.named("gateway").servesGrpc()).isFalse();
    }

    @Test
    void ingestServiceGetsItsPortsTheDatabaseRedisAndTokenFilesButNoClients() {
        assertThat(localStack().of("ingest-service"))
                .isEqualTo(Map.of(
                        "QUARKUS_HTTP_PORT", "8081",
                        "QUARKUS_GRPC_SERVER_PORT", "9081",
                        "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db.local:5433/capflow",
                        "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://db.local:5433/capflow",
                        "QUARKUS_DATASOURCE_USERNAME", "capflow",
                        "QUARKUS_DATASOURCE_PASSWORD", "secret",
                        "QUARKUS_REDIS_HOSTS", "redis://cache.local:6380/2",
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                                KEYS.resolve("public.pem").toString(),
                        "CAPFLOW_GRPC_AUTH_SERVICE_TOKEN_LOCATION",
                                KEYS.resolve("ingest-service.token").toString()));
    }

    @Test
    void eachServiceCallsTheServicesAboveIt() {
        Map<String, String> exposure = localStack().of("exposure-service");
        assertThat(exposure)
                .containsEntry("QUARKUS_GRPC_CLIENTS_INGEST_HOST", "127.0.0.1")
                .containsEntry("QUARKUS_GRPC_CLIENTS_INGEST_PORT", "9081")
                .containsEntry("QUARKUS_GRPC_CLIENTS_BASKET_PORT", "9082")
                .doesNotContainKey("QUARKUS_REDIS_HOSTS")
                .doesNotContainKey("QUARKUS_GRPC_CLIENTS_EXPOSURE_PORT");
        Map<String, String> gateway = localStack().of("gateway");
        assertThat(gateway)
                .containsEntry("QUARKUS_HTTP_PORT", "8080")
                .containsEntry("QUARKUS_GRPC_CLIENTS_EXPOSURE_PORT", "9083")
                .containsEntry(
                        "CAPFLOW_GRPC_AUTH_SERVICE_TOKEN_LOCATION",
                        KEYS.resolve("gateway.token").toString())
                .doesNotContainKey("QUARKUS_GRPC_SERVER_PORT")
                .doesNotContainKey("QUARKUS_DATASOURCE_JDBC_URL");
    }

    @Test
    void aTestStackOfSomeServicesOnOtherPortsWiresOnlyThoseWithInlineTrust() {
        List<ServiceSpec> chosen = ServiceTable.only(List.of("gateway", "ingest-service")).stream()
                .map(spec -> spec.withPorts(spec.httpPort() + 30000, spec.grpcPort() + 30000))
                .toList();
        StackEnvironment stack = new StackEnvironment(chosen, STORES, Trust.inline("PEM", name -> "token-of-" + name))
                .with("gateway", Map.of("CAPFLOW_GATEWAY_RATE_LIMIT_WRITE_CAPACITY", "5", "QUARKUS_HTTP_PORT", "1"));

        assertThat(chosen).extracting(ServiceSpec::name).containsExactly("ingest-service", "gateway");
        assertThat(stack.of("ingest-service"))
                .containsEntry("QUARKUS_GRPC_SERVER_PORT", "39081")
                .containsEntry("MP_JWT_VERIFY_PUBLICKEY", "PEM")
                .containsEntry("CAPFLOW_GRPC_AUTH_SERVICE_TOKEN", "token-of-ingest-service");
        assertThat(stack.of("gateway"))
                .containsEntry("QUARKUS_GRPC_CLIENTS_INGEST_PORT", "39081")
                .doesNotContainKey("QUARKUS_GRPC_CLIENTS_BASKET_PORT")
                .containsEntry("CAPFLOW_GATEWAY_RATE_LIMIT_WRITE_CAPACITY", "5")
                .as("a test's settings go on top")
                .containsEntry("QUARKUS_HTTP_PORT", "1");
    }

    @Test
    void unknownServicesAreNamedInTheError() {
        assertThatThrownBy(() -> ServiceTable.only(List.of("risk-service")))
                .hasMessageContaining("risk-service")
                .hasMessageContaining("ingest-service");
        assertThatThrownBy(() -> localStack().with("risk-service", Map.of())).hasMessageContaining("risk-service");
    }

    @Test
    void clientNamesDropTheServiceSuffix() {
        assertThat(ServiceTable.SERVICES)
                .extracting(ServiceSpec::clientName)
                .containsExactly("INGEST", "BASKET", "EXPOSURE", "GATEWAY");
    }
}
