package dev.capflow.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capflow.devstack.postgres.PgUrl;
import dev.capflow.devstack.stack.StackDatastores;
import dev.capflow.devstack.stack.StackEnvironment;
import dev.capflow.testsupport.RedisCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherPartsTest {

    @TempDir
    Path root;

    @Test
    void oneUpOrDownAtATime() throws Exception {
        StackLayout layout = new StackLayout(root);
        try (LauncherLock first = LauncherLock.take(layout)) {
            assertThatThrownBy(() -> LauncherLock.take(layout))
                    .isInstanceOf(LaunchException.class)
                    .hasMessageContaining("another ./capflow up or down is running");
        }
        try (LauncherLock again = LauncherLock.take(layout)) {
            assertThat(Files.exists(root.resolve(".capflow/launcher.lock"))).isTrue();
        }
    }

    @Test
    void theFingerprintTellsEnvironmentsApartWhateverTheirOrder() {
        String fingerprint = UpCommand.fingerprint(Map.of("A", "1", "B", "2"));
        assertThat(fingerprint).hasSize(16).isEqualTo(UpCommand.fingerprint(new TreeMap<>(Map.of("B", "2", "A", "1"))));
        assertThat(UpCommand.fingerprint(Map.of("A", "1", "B", "3"))).isNotEqualTo(fingerprint);
    }

    @Test
    void theLocalGatewayLetsAnonymousCallersReadUnlessTurnedOff() throws Exception {
        DatastoreChoice choice = new DatastoreChoice(
                "local",
                new StackDatastores(
                        PgUrl.parse(DatastoreChoice.LOCAL_POSTGRES), "postgres", "", DatastoreChoice.LOCAL_REDIS),
                "local");
        StackLayout layout = new StackLayout(root);
        LocalServices services = LocalServices.of(Map.of());
        assertThat(UpCommand.localStack(layout, services, choice, Map.of()).of("gateway"))
                .containsEntry("CAPFLOW_GATEWAY_SECURITY_ANONYMOUS_READS", "true")
                .containsEntry(
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                        root.resolve(".capflow/keys/public.pem").toString());
        assertThat(UpCommand.localStack(layout, services, choice, Map.of("CAPFLOW_ANONYMOUS_READS", "0"))
                        .of("gateway"))
                .containsEntry("CAPFLOW_GATEWAY_SECURITY_ANONYMOUS_READS", "false");
    }

    @Test
    void aPortOffsetMovesEveryServiceAndTheWiringBetweenThem() throws Exception {
        LocalServices services = LocalServices.of(Map.of("CAPFLOW_PORT_OFFSET", "100"));
        assertThat(services.gatewayUrl()).isEqualTo("http://localhost:8180/");
        assertThat(services.specs())
                .extracting(spec -> spec.name() + " " + spec.httpPort() + " " + spec.grpcPort())
                .containsExactly(
                        "ingest-service 8181 9181",
                        "basket-service 8182 9182",
                        "exposure-service 8183 9183",
                        "gateway 8180 0");
        DatastoreChoice choice = new DatastoreChoice(
                "local",
                new StackDatastores(
                        PgUrl.parse(DatastoreChoice.LOCAL_POSTGRES), "postgres", "", DatastoreChoice.LOCAL_REDIS),
                "local");
        assertThat(UpCommand.localStack(new StackLayout(root), services, choice, Map.of())
                        .of("gateway"))
                .containsEntry("QUARKUS_HTTP_PORT", "8180")
                .containsEntry("QUARKUS_GRPC_CLIENTS_BASKET_PORT", "9182");
        assertThat(LocalServices.of(Map.of()).gatewayUrl()).isEqualTo("http://localhost:8080/");
    }

    @Test
    void aPortOffsetThatIsNoNumberOrTooLargeIsRefusedByName() {
        assertThatThrownBy(() -> LocalServices.of(Map.of("CAPFLOW_PORT_OFFSET", "ten")))
                .hasMessageContaining("CAPFLOW_PORT_OFFSET");
        assertThatThrownBy(() -> LocalServices.of(Map.of("CAPFLOW_PORT_OFFSET", "60000")))
                .hasMessageContaining("CAPFLOW_PORT_OFFSET must be at most 50000");
    }

    @Test
    void theRecordForStatusHoldsNoPassword() {
        DatastoreChoice choice = new DatastoreChoice(
                "CAPFLOW_PG_URL",
                new StackDatastores(PgUrl.parse("jdbc:postgresql://db:5433/x"), "u", "pw", "redis://:hush@cache:6380"),
                "CAPFLOW_REDIS_URL");
        assertThat(choice.record())
                .containsEntry("POSTGRES_URL", "jdbc:postgresql://db:5433/x")
                .containsEntry("REDIS_URL", "redis://***@cache:6380")
                .doesNotContainValue("pw");
    }

    @Test
    void capflowRedisClusterGivesEveryRedisServiceTheClusterClientOnThoseNodes() throws Exception {
        try (RedisCluster cluster = RedisCluster.start(3, 0)) {
            Map<String, String> env = Map.of(
                    "CAPFLOW_PG_URL",
                    "jdbc:postgresql://127.0.0.1:5432/postgres",
                    "CAPFLOW_REDIS_CLUSTER",
                    cluster.hosts());

            DatastoreChoice choice = DatastoreChoice.resolve(env, new EmbeddedDatastoresProcess(new StackLayout(root)));

            assertThat(choice.redisSource()).isEqualTo("CAPFLOW_REDIS_CLUSTER");
            assertThat(choice.record())
                    .containsEntry("REDIS_MODE", "cluster")
                    .containsEntry("REDIS_URL", cluster.hosts());
            assertThat(DatastoreChoice.redisFailure(cluster.hosts())).isNull();
            StackEnvironment stack = UpCommand.localStack(new StackLayout(root), LocalServices.of(env), choice, env);
            for (String service : List.of("ingest-service", "basket-service", "gateway")) {
                assertThat(stack.of(service))
                        .containsEntry("QUARKUS_REDIS_CLIENT_TYPE", "cluster")
                        .containsEntry("QUARKUS_REDIS_HOSTS", cluster.hosts());
            }
            assertThat(stack.of("exposure-service")).doesNotContainKey("QUARKUS_REDIS_CLIENT_TYPE");

            String deadNode = "redis://127.0.0.1:1";
            assertThatThrownBy(() -> DatastoreChoice.resolve(
                            Map.of(
                                    "CAPFLOW_PG_URL",
                                    "jdbc:postgresql://127.0.0.1:5432/postgres",
                                    "CAPFLOW_REDIS_CLUSTER",
                                    cluster.hosts() + "," + deadNode),
                            new EmbeddedDatastoresProcess(new StackLayout(root))))
                    .isInstanceOf(LaunchException.class)
                    .hasMessageContaining("CAPFLOW_REDIS_CLUSTER")
                    .hasMessageContaining(deadNode);
        }
    }

    @Test
    void theRecordOfAClusterHoldsNoPasswordOfAnyNode() {
        DatastoreChoice choice = new DatastoreChoice(
                "CAPFLOW_PG_URL",
                new StackDatastores(
                        PgUrl.parse("jdbc:postgresql://db:5433/x"),
                        "u",
                        "pw",
                        "redis://:hush@n1:7000,redis://:hush@n2:7001",
                        true),
                "CAPFLOW_REDIS_CLUSTER");
        assertThat(choice.record())
                .containsEntry("REDIS_URL", "redis://***@n1:7000,redis://***@n2:7001")
                .containsEntry("REDIS_MODE", "cluster")
                .doesNotContainValue("hush");
    }
}
