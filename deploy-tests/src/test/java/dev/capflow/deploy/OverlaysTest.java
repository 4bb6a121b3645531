package dev.capflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay renders, with its images pinned; dev and prod carry what each is for. */
class OverlaysTest {

    static final List<String> SERVICES = List.of("ingest-service", "basket-service", "exposure-service", "gateway");

    static List<String> overlays() {
        return Kustomize.overlays();
    }

    @Test
    void devAndProdOverlaysExist() {
        assertThat(overlays()).contains("dev", "prod");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void rendersIntoOneNamespaceWithEveryImagePinnedByTheOverlay(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        assertThat(rendered.resources()).isNotEmpty();
        String namespace = rendered.all(Namespace.class).get(0).getMetadata().getName();
        assertThat(rendered.resources())
                .filteredOn(resource -> !(resource instanceof Namespace))
                .extracting(resource -> resource.getMetadata().getNamespace())
                .containsOnly(namespace);
        for (Rendered.Workload workload : rendered.workloads()) {
            for (Container container : workload.template().getSpec().getContainers()) {
                String image = container.getImage();
                String tag = image.substring(image.lastIndexOf('/') + 1);
                assertThat(tag)
                        .as(workload + " image " + image + " has an explicit tag")
                        .contains(":")
                        .doesNotEndWith(":latest");
                assertThat(image)
                        .as(workload + ": the overlay names capflow images (kustomize images:)")
                        .doesNotStartWith("capflow/");
            }
        }
        assertThat(rendered.deployments())
                .extracting(deployment -> deployment.getMetadata().getName())
                .containsAll(SERVICES);
    }

    @Test
    void devRunsOneReplicaOfEachServiceWithPostgresqlAndRedisInTheCluster() {
        Rendered dev = Kustomize.overlay("dev");
        assertThat(replicas(dev))
                .containsEntry("ingest-service", 1)
                .containsEntry("basket-service", 1)
                .containsEntry("exposure-service", 1)
                .containsEntry("gateway", 1);
        StatefulSet postgres = dev.get(StatefulSet.class, "postgres");
        assertThat(postgres.getSpec().getVolumeClaimTemplates())
                .extracting(claim -> claim.getMetadata().getName())
                .containsExactly("data");
        assertThat(postgres.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getVolumeMounts())
                .anyMatch(mount -> mount.getName().equals("data"));
        assertThat(dev.find(Deployment.class, "redis")).isPresent();
        assertThat(dev.find(Service.class, "postgres")).isPresent();
        assertThat(dev.find(Service.class, "redis")).isPresent();
        assertThat(dev.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(dev.all(NetworkPolicy.class)).isEmpty();
    }

    @Test
    void prodRunsThreeToTenReplicasOwnedByTheHpaWithBudgetsPoliciesAndAnIngressToTheGatewayOnly() {
        Rendered prod = Kustomize.overlay("prod");
        assertThat(prod.deployments())
                .as("the HPA owns the replica count: a re-apply must not reset a scaled-out Deployment")
                .allSatisfy(deployment -> assertThat(deployment.getSpec().getReplicas())
                        .as(deployment.getMetadata().getName() + " spec.replicas")
                        .isNull());
        assertThat(prod.all(StatefulSet.class))
                .as("datastores are managed, outside the cluster")
                .isEmpty();
        assertThat(prod.deployments())
                .extracting(deployment -> deployment.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(SERVICES);

        for (String service : SERVICES) {
            HorizontalPodAutoscaler hpa = prod.get(HorizontalPodAutoscaler.class, service);
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(service);
            assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
            assertThat(hpa.getSpec().getMaxReplicas())
                    .isGreaterThan(hpa.getSpec().getMinReplicas());
            assertThat(hpa.getSpec().getMetrics())
                    .anyMatch(metric -> metric.getResource() != null
                            && metric.getResource().getName().equals("cpu"));

            PodDisruptionBudget pdb = prod.get(PodDisruptionBudget.class, service);
            Deployment deployment = prod.get(Deployment.class, service);
            assertThat(Selectors.matches(
                            pdb.getSpec().getSelector(),
                            deployment.getSpec().getTemplate().getMetadata().getLabels()))
                    .as("PDB " + service + " selects its pods")
                    .isTrue();
            assertThat(prod.all(PodDisruptionBudget.class).stream()
                            .filter(other -> Selectors.matches(
                                    other.getSpec().getSelector(),
                                    deployment
                                            .getSpec()
                                            .getTemplate()
                                            .getMetadata()
                                            .getLabels())))
                    .as("exactly one budget per pod")
                    .hasSize(1);
        }

        List<Ingress> ingresses = prod.all(Ingress.class);
        assertThat(ingresses).hasSize(1);
        assertThat(ingresses.get(0).getSpec().getRules())
                .flatExtracting(rule -> rule.getHttp().getPaths())
                .extracting(path -> path.getBackend().getService().getName())
                .containsOnly("gateway");
        assertThat(ingresses.get(0).getSpec().getRules())
                .flatExtracting(rule -> rule.getHttp().getPaths())
                .extracting(path -> path.getBackend().getService().getPort().getName())
                .as("the backend port is named, and the gateway Service has it")
                .containsOnly("http");
    }

    @Test
    void prodsIngressRoutesTheApiDashboardAndDocumentationButNotHealthOrMetricsWithTheGatewaysBodyLimit() {
        Ingress ingress = Kustomize.overlay("prod").all(Ingress.class).get(0);
        List<HTTPIngressPath> paths = ingress.getSpec().getRules().stream()
                .flatMap(rule -> rule.getHttp().getPaths().stream())
                .toList();
        assertThat(paths)
                .extracting(HTTPIngressPath::getPath, HTTPIngressPath::getPathType)
                .contains(tuple("/", "Exact"), tuple("/api", "Prefix"), tuple("/dashboard", "Prefix"));
        for (String internal : List.of("/q/health/ready", "/q/metrics", "/q/health")) {
            assertThat(paths)
                    .as(internal + " is not routed from outside")
                    .noneMatch(path -> path.getPathType().equals("Exact")
                            ? path.getPath().equals(internal)
                            : (internal + "/")
                                    .startsWith(path.getPath().endsWith("/") ? path.getPath() : path.getPath() + "/"));
        }
        String gatewayLimit = ServiceConfig.of("gateway", Map.of())
                .value("quarkus.http.limits.max-body-size")
                .orElseThrow();
        assertThat(ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-body-size"))
                .as("nginx passes what the gateway accepts")
                .isEqualToIgnoringCase(gatewayLimit);
    }

    private static Map<String, Integer> replicas(Rendered rendered) {
        return rendered.deployments().stream()
                .collect(Collectors.toMap(
                        deployment -> deployment.getMetadata().getName(),
                        deployment -> deployment.getSpec().getReplicas()));
    }
}
