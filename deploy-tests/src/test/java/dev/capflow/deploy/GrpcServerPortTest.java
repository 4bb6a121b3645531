package dev.capflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every service that serves gRPC runs the grpc-java server on a port of its own (the unified Vert.x server on the
 * HTTP port tears down a connection when one call on it is cancelled, quarkusio/quarkus#56268): in its pod the
 * configured gRPC and HTTP ports are the container's named ports {@code grpc} and {@code http}, both bound to every
 * interface, and both of its Services offer the {@code grpc} port; outside a pod it listens on 127.0.0.1 only.
 */
class GrpcServerPortTest {

    private static final List<String> GRPC_SERVICES = List.of("ingest-service", "basket-service", "exposure-service");

    static List<Arguments> services() {
        List<Arguments> arguments = new ArrayList<>();
        for (String overlay : Kustomize.overlays()) {
            GRPC_SERVICES.forEach(service -> arguments.add(Arguments.of(overlay, service)));
        }
        return arguments;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("services")
    void grpcRunsOnTheGrpcJavaServerOnANamedPortOfItsOwn(String overlay, String service) {
        Rendered rendered = Kustomize.overlay(overlay);
        Container container = rendered.get(Deployment.class, service)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        ServiceConfig config = ServiceConfig.of(service, rendered.environment(container));

        assertThat(config.value("quarkus.grpc.server.use-separate-server"))
                .as(service + ": the grpc-java server")
                .hasValue("true");
        int grpcPort = Integer.parseInt(config.value("quarkus.grpc.server.port").orElseThrow());
        int httpPort = Integer.parseInt(config.value("quarkus.http.port").orElseThrow());
        assertThat(grpcPort).as(service + ": gRPC and HTTP on different ports").isNotEqualTo(httpPort);
        assertThat(containerPort(container, "grpc"))
                .as(service + " container port grpc")
                .isEqualTo(grpcPort);
        assertThat(containerPort(container, "http"))
                .as(service + " container port http")
                .isEqualTo(httpPort);
        assertThat(config.value("quarkus.grpc.server.host"))
                .as(service + ": gRPC on every interface of the pod")
                .hasValue("0.0.0.0");
        assertThat(config.value("quarkus.http.host"))
                .as(service + ": HTTP on every interface of the pod")
                .hasValue("0.0.0.0");

        for (String name : List.of(service, service + "-grpc")) {
            Service exposed = rendered.get(Service.class, name);
            assertThat(exposed.getSpec().getPorts())
                    .as("Service " + name + " offers the grpc port")
                    .anySatisfy(port -> {
                        assertThat(port.getName()).isEqualTo("grpc");
                        assertThat(port.getPort()).isEqualTo(grpcPort);
                        assertThat(port.getTargetPort().getStrVal()).isEqualTo("grpc");
                        assertThat(port.getAppProtocol()).isEqualTo("kubernetes.io/h2c");
                    });
        }
    }

    static List<String> grpcServices() {
        return GRPC_SERVICES;
    }

    @ParameterizedTest
    @MethodSource("grpcServices")
    void outsideAPodTheServiceListensOnLoopbackOnly(String service) {
        ServiceConfig local = ServiceConfig.of(service, Map.of());
        assertThat(local.value("quarkus.grpc.server.host"))
                .as(service + " gRPC host outside a pod")
                .hasValue("127.0.0.1");
        assertThat(local.value("quarkus.http.host"))
                .as(service + " HTTP host outside a pod")
                .hasValue("127.0.0.1");
    }

    private static int containerPort(Container container, String name) {
        return container.getPorts().stream()
                .filter(port -> name.equals(port.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port named " + name));
    }
}
