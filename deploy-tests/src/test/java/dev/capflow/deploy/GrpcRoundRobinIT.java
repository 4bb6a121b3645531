package dev.capflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capflow.devstack.stack.ServiceProcess;
import dev.capflow.devstack.stack.ServiceSpec;
import dev.capflow.devstack.stack.ServiceTable;
import dev.capflow.testsupport.Datastores;
import dev.capflow.testsupport.ProjectRoot;
import dev.capflow.testsupport.TestTokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * gRPC balancing as deployed: two real ingest-service processes (one database, migrated concurrently under
 * Flyway's lock) on two loopback addresses and one pair of ports (HTTP, gRPC), like two pods behind the headless Service, and
 * the real gateway started with the prod overlay's gateway ConfigMap. The Service's DNS name is played by
 * a hosts file the gateway's JVM resolves through: first one address, then both, as after a scale-up.
 * Each instance's /q/metrics tells how many ListInstruments calls it served.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GrpcRoundRobinIT {

    private static final String INGEST_A = "127.0.0.2";
    private static final String INGEST_B = "127.0.0.3";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    /** Starts on fresh ports after a service found one of its ports taken. */
    private static final int START_ATTEMPTS = 3;
    /** In the log of a service whose port another process took ("Address already in use", "seems to be in use"). */
    private static final String PORT_TAKEN = "in use";

    private static final Pattern LIST_INSTRUMENTS_SERVED = Pattern.compile(
            "(?m)^grpc_server_processing_duration_seconds_count\\{[^}]*method=\"ListInstruments\"[^}]*} ([0-9.eE+]+)$");

    private static Datastores stores;
    private static ServiceProcess ingestA;
    private static ServiceProcess ingestB;
    private static ServiceProcess gateway;
    private static Path hosts;
    private static String ingestHost;

    @BeforeAll
    static void startTwoIngestInstancesAndTheGateway() throws Exception {
        stores = Datastores.start(4);
        for (int attempt = 1; ; attempt++) {
            try {
                startOnPortsFreeNow();
                return;
            } catch (IllegalStateException failure) {
                stopServices();
                // the ports were free when chosen, but another process may bind one before a service does
                if (attempt == START_ATTEMPTS || !failure.getMessage().contains(PORT_TAKEN)) {
                    throw failure;
                }
            }
        }
    }

    private static void startOnPortsFreeNow() throws IOException {
        int ingestPort = portFreeOn(INGEST_A, INGEST_B);
        int ingestGrpcPort = portFreeOn(INGEST_A, INGEST_B);
        Map<String, String> ingestEnv = Map.of(
                "QUARKUS_DATASOURCE_USERNAME", stores.user(),
                "QUARKUS_DATASOURCE_PASSWORD", stores.password(),
                "QUARKUS_DATASOURCE_JDBC_URL", stores.jdbcUrl(),
                "QUARKUS_DATASOURCE_REACTIVE_URL", stores.reactiveUrl(),
                "QUARKUS_REDIS_HOSTS", stores.redisUrl(),
                // ingest-service checks the bearer token of every call with the throwaway test key
                "MP_JWT_VERIFY_PUBLICKEY", TestTokens.shared().publicKeyPem());
        ServiceSpec ingest = ServiceTable.named("ingest-service").withPorts(ingestPort, ingestGrpcPort);
        ingestA = ServiceProcess.launch(ProjectRoot.path(), ingest, INGEST_A, List.of(), ingestEnv);
        ingestB = ServiceProcess.launch(ProjectRoot.path(), ingest, INGEST_B, List.of(), ingestEnv);
        ingestA.awaitReady(START_TIMEOUT);
        ingestB.awaitReady(START_TIMEOUT);

        Map<String, String> gatewayEnv = new HashMap<>(
                Kustomize.overlay("prod").configMap("gateway-config").getData());
        ingestHost = gatewayEnv.get("QUARKUS_GRPC_CLIENTS_INGEST_HOST");
        gatewayEnv.put("QUARKUS_GRPC_CLIENTS_INGEST_PORT", Integer.toString(ingestGrpcPort));
        // the changes to the overlay's settings besides the port: re-resolve every second, not every 30, and, in
        // place of the mounted ConfigMap, a throwaway public key, with anonymous reads (this test is about balancing),
        // which go to ingest-service under the gateway's own identity
        gatewayEnv.put("CAPFLOW_GATEWAY_INGEST_RE_RESOLVE_INTERVAL", "1s");
        Path publicKey = ProjectRoot.path().resolve("deploy-tests/target/gateway-public.pem");
        Files.writeString(publicKey, TestTokens.shared().publicKeyPem());
        gatewayEnv.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString());
        gatewayEnv.put("CAPFLOW_GATEWAY_SECURITY_ANONYMOUS_READS", "true");
        gatewayEnv.put(
                "CAPFLOW_GRPC_AUTH_SERVICE_TOKEN",
                TestTokens.shared().serviceToken("gateway", "viewer", Duration.ofHours(1)));
        hosts = ProjectRoot.path().resolve("deploy-tests/target/hosts");
        resolveIngestTo(INGEST_A);
        gateway = ServiceProcess.launch(
                        ProjectRoot.path(),
                        ServiceTable.named("gateway").withPorts(portFreeOn("127.0.0.1"), ServiceSpec.NO_GRPC),
                        "127.0.0.1",
                        // the JVM resolves names from the hosts file only, and caches no answer
                        List.of("-Djdk.net.hosts.file=" + hosts, "-Dsun.net.inetaddr.ttl=0"),
                        gatewayEnv)
                .awaitReady(START_TIMEOUT);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        stopServices();
        if (stores != null) {
            stores.close();
        }
    }

    private static void stopServices() {
        for (ServiceProcess process : new ServiceProcess[] {gateway, ingestB, ingestA}) {
            if (process != null) {
                process.close();
            }
        }
        gateway = null;
        ingestB = null;
        ingestA = null;
    }

    @Test
    @Order(1)
    void withOneResolvedAddressEveryCallGoesToThatInstance() throws Exception {
        Served before = served();
        listInstruments(20);
        Served delta = served().minus(before);
        assertThat(delta.a()).as("calls served by " + ingestA).isEqualTo(20);
        assertThat(delta.b())
                .as("calls served by " + ingestB + ", which the name does not list yet")
                .isZero();
    }

    @Test
    @Order(2)
    void onceTheNameListsBothInstancesCallsAreSharedEvenly() throws Exception {
        resolveIngestTo(INGEST_A, INGEST_B);
        Served before = served();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    listInstruments(2);
                    return served().b() > before.b();
                });

        int calls = 100;
        Served mark = served();
        listInstruments(calls);
        Served delta = served().minus(mark);
        assertThat(delta.a() + delta.b()).as("every call served once").isEqualTo(calls);
        assertThat(delta.a()).as("share of " + ingestA).isBetween(35L, 65L);
        assertThat(delta.b()).as("share of " + ingestB).isBetween(35L, 65L);
    }

    @Test
    @Order(3)
    void theRunningServicesReportHealthBusinessMetricsAndJsonLogs() throws Exception {
        String readiness = gateway.get("/q/health/ready").body();
        assertThat(readiness).contains("\"ingest-service\": \"up\"").contains("\"grpc-health\": \"SERVING\"");

        String ingestMetrics = ingestA.get("/q/metrics").body();
        assertThat(ingestMetrics)
                .contains("capflow_ingest_ticks_total{outcome=\"accepted\"}")
                .contains("capflow_ingest_latest_cache_lookups_total{result=\"hit\"}")
                .contains("capflow_ingest_stream_lag_seconds ")
                .containsPattern("grpc_server_processing_duration_seconds_count\\{[^}]*method=\"ListInstruments\"");
        assertThat(gateway.get("/q/metrics").body())
                .containsPattern("grpc_client_processing_duration_seconds_count\\{[^}]*method=\"ListInstruments\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/instruments\"");

        // the prod profile logs JSON, one object per line
        assertThat(Files.readAllLines(ingestA.log()))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("{")
                        .contains("\"message\":")
                        .contains("Installed features"));
    }

    /** The hosts file the gateway resolves the overlay's ingest host name through. */
    private static void resolveIngestTo(String... addresses) throws IOException {
        StringBuilder lines = new StringBuilder("127.0.0.1 localhost\n");
        for (String address : addresses) {
            lines.append(address).append(' ').append(ingestHost).append('\n');
        }
        Files.createDirectories(hosts.getParent());
        Path next = hosts.resolveSibling("hosts.next");
        Files.writeString(next, lines);
        Files.move(
                next,
                hosts,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void listInstruments(int calls) throws IOException {
        for (int i = 0; i < calls; i++) {
            assertThat(gateway.get("/api/v1/instruments").statusCode())
                    .as("GET /api/v1/instruments")
                    .isEqualTo(200);
        }
    }

    /** ListInstruments calls served so far by each ingest-service instance. */
    private static Served served() throws IOException {
        return new Served(listInstrumentsServed(ingestA), listInstrumentsServed(ingestB));
    }

    private static long listInstrumentsServed(ServiceProcess ingest) throws IOException {
        Matcher counts =
                LIST_INSTRUMENTS_SERVED.matcher(ingest.get("/q/metrics").body());
        long served = 0;
        while (counts.find()) {
            served += (long) Double.parseDouble(counts.group(1));
        }
        return served;
    }

    /** A port nobody listens on at any of {@code addresses}. */
    private static int portFreeOn(String... addresses) throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(addresses[0]))) {
                port = probe.getLocalPort();
            }
            if (freeOnAll(port, addresses)) {
                return port;
            }
        }
        throw new IllegalStateException("no port free on every one of " + List.of(addresses));
    }

    private static boolean freeOnAll(int port, String... addresses) {
        for (String address : addresses) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }

    /** Calls served by instance A and by instance B. */
    private record Served(long a, long b) {
        Served minus(Served earlier) {
            return new Served(a - earlier.a, b - earlier.b);
        }
    }
}
