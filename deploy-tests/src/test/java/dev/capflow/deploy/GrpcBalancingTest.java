package dev.capflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every gRPC client of every service reaches its server through a headless Service, resolved to every pod and
 * called round robin: a ClusterIP would pin each HTTP/2 connection, and so every call, to one pod.
 * GrpcRoundRobinIT runs this configuration against two real ingest-service processes.
 */
class GrpcBalancingTest {

    /** Which gRPC clients each service has: client name to the Deployment that serves it. */
    private static final Map<String, Map<String, String>> CLIENTS = Map.of(
            "gateway", Map.of("ingest", "ingest-service", "basket", "basket-service", "exposure", "exposure-service"),
            "basket-service", Map.of("ingest", "ingest-service"),
            "exposure-service", Map.of("ingest", "ingest-service", "basket", "basket-service"));

    static List<Arguments> clients() {
        List<Arguments> arguments = new ArrayList<>();
        for (String overlay : Kustomize.overlays()) {
            CLIENTS.forEach((service, clients) ->
                    clients.forEach((client, server) -> arguments.add(Arguments.of(overlay, service, client, server))));
        }
        return arguments;
    }

    @ParameterizedTest(name = "{0}: {1} -> {3}")
    @MethodSource("clients")
    void everyGrpcClientResolvesAHeadlessServiceAndBalancesRoundRobin(
            String overlay, String service, String client, String server) {
        Rendered rendered = Kustomize.overlay(overlay);
        Deployment caller = rendered.get(Deployment.class, service);
        ServiceConfig config = ServiceConfig.of(
                service,
                rendered.environment(
                        caller.getSpec().getTemplate().getSpec().getContainers().get(0)));
        String prefix = "quarkus.grpc.clients." + client + ".";

        String host = config.value(prefix + "host")
                .orElseThrow(() -> new AssertionError(service + " has no " + prefix + "host"));
        Service target = rendered.get(Service.class, host);
        assertThat(target.getSpec().getClusterIP())
                .as("Service " + host + " is headless")
                .isEqualTo("None");
        Deployment serving = rendered.get(Deployment.class, server);
        assertThat(Selectors.serviceSelects(
                        target.getSpec().getSelector(),
                        serving.getSpec().getTemplate().getMetadata().getLabels()))
                .as(host + " selects the " + server + " pods")
                .isTrue();
        int port = Integer.parseInt(config.value(prefix + "port").orElseThrow());
        ServicePort grpc = target.getSpec().getPorts().stream()
                .filter(candidate -> candidate.getPort() == port)
                .findFirst()
                .orElseThrow(() -> new AssertionError(host + " has no port " + port));
        assertThat(grpc.getName()).isEqualTo("grpc");
        assertThat(grpc.getTargetPort().getStrVal())
                .as(host + " targets the pods' grpc port, not http")
                .isEqualTo("grpc");
        assertThat(grpc.getAppProtocol()).isEqualTo("kubernetes.io/h2c");

        assertThat(config.value(prefix + "name-resolver"))
                .as("dns:///host:port")
                .hasValue("dns");
        assertThat(config.value(prefix + "load-balancing-policy")).hasValue("round_robin");
        assertThat(config.value(prefix + "use-quarkus-grpc-client").map(Boolean::parseBoolean))
                .as("the grpc-java channel, whose DNS resolver and round_robin policy these are")
                .isNotEqualTo(Optional.of(true));
        assertThat(config.keysEndingWith("." + client + ".re-resolve-interval"))
                .as(service + ": pods added by a scale-up are found by a periodic re-resolution of " + client)
                .isNotEmpty()
                .allSatisfy(key -> assertThat(config.duration(key))
                        .hasValueSatisfying(interval -> assertThat(interval).isPositive()));
    }
}
