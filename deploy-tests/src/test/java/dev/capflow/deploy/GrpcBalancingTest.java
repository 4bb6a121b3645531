package dev.capflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The gateway reaches ingest-service through a headless Service, resolved to every pod and called round
 * robin: a ClusterIP would pin each HTTP/2 connection, and so every call, to one pod. GrpcRoundRobinIT runs
 * this configuration against two real ingest-service processes.
 */
class GrpcBalancingTest {

    static List<String> overlays() {
        return Kustomize.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theGatewayResolvesTheHeadlessIngestServiceAndBalancesRoundRobin(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        Deployment gateway = rendered.get(Deployment.class, "gateway");
        ServiceConfig config = ServiceConfig.of("gateway",
                rendered.environment(gateway.getSpec().getTemplate().getSpec().getContainers().get(0)));

        String host = config.value("quarkus.grpc.clients.ingest.host").orElseThrow();
        Service target = rendered.get(Service.class, host);
        assertThat(target.getSpec().getClusterIP()).as("Service " + host + " is headless").isEqualTo("None");
        Deployment ingest = rendered.get(Deployment.class, "ingest-service");
        assertThat(Selectors.serviceSelects(target.getSpec().getSelector(), ingest.getSpec().getTemplate().getMetadata().getLabels()))
                .as(host + " selects the ingest-service pods").isTrue();
        int port = Integer.parseInt(config.value("quarkus.grpc.clients.ingest.port").orElseThrow());
        ServicePort grpc = target.getSpec().getPorts().stream().filter(candidate -> candidate.getPort() == port).findFirst()
                .orElseThrow(() -> new AssertionError(host + " has no port " + port));
        assertThat(grpc.getName()).isEqualTo("grpc");
        assertThat(grpc.getAppProtocol()).isEqualTo("kubernetes.io/h2c");

        assertThat(config.value("quarkus.grpc.clients.ingest.name-resolver")).as("dns:///host:port").hasValue("dns");
        assertThat(config.value("quarkus.grpc.clients.ingest.load-balancing-policy")).hasValue("round_robin");
        assertThat(config.value("quarkus.grpc.clients.ingest.use-quarkus-grpc-client").map(Boolean::parseBoolean))
                .as("the grpc-java channel, whose DNS resolver and round_robin policy these are").isNotEqualTo(Optional.of(true));
        assertThat(config.duration("capflow.gateway.ingest.re-resolve-interval"))
                .as("pods added by a scale-up are found by a periodic re-resolution")
                .hasValueSatisfying(interval -> assertThat(interval).isPositive());
    }
}
