package dev.capflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every workload of every overlay: probes, requests and limits, the restricted security context, a
 * matching Service with named ports, no service account token, and a grace period longer than the
 * graceful shutdown it must hold.
 */
class WorkloadsTest {

    static List<String> overlays() {
        return Kustomize.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerHasThreeProbesOnNamedPortsAndTheQuarkusServicesProbeTheirHealthEndpoints(String overlay) {
        for (Rendered.Workload workload : Kustomize.overlay(overlay).workloads()) {
            for (Container container : workload.template().getSpec().getContainers()) {
                String what = overlay + " " + workload + " container " + container.getName();
                assertThat(container.getStartupProbe())
                        .as(what + " startupProbe")
                        .isNotNull();
                assertThat(container.getReadinessProbe())
                        .as(what + " readinessProbe")
                        .isNotNull();
                assertThat(container.getLivenessProbe())
                        .as(what + " livenessProbe")
                        .isNotNull();
                Set<String> portNames = portNames(container);
                for (Probe probe : List.of(
                        container.getStartupProbe(), container.getReadinessProbe(), container.getLivenessProbe())) {
                    probePort(probe)
                            .ifPresent(port -> assertThat(portNames)
                                    .as(what + " probe port")
                                    .contains(port));
                }
                if (isQuarkusService(workload)) {
                    assertThat(httpPath(container.getStartupProbe())).as(what).isEqualTo("/q/health/started");
                    assertThat(httpPath(container.getReadinessProbe())).as(what).isEqualTo("/q/health/ready");
                    assertThat(httpPath(container.getLivenessProbe())).as(what).isEqualTo("/q/health/live");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerRequestsAndLimitsCpuAndMemoryWithRequestsWithinLimits(String overlay) {
        for (Rendered.Workload workload : Kustomize.overlay(overlay).workloads()) {
            for (Container container : workload.template().getSpec().getContainers()) {
                String what = overlay + " " + workload + " container " + container.getName();
                assertThat(container.getResources()).as(what + " resources").isNotNull();
                Map<String, Quantity> requests = Optional.ofNullable(
                                container.getResources().getRequests())
                        .orElse(Map.of());
                Map<String, Quantity> limits = Optional.ofNullable(
                                container.getResources().getLimits())
                        .orElse(Map.of());
                for (String resource : List.of("cpu", "memory")) {
                    assertThat(requests).as(what + " requests").containsKey(resource);
                    assertThat(limits).as(what + " limits").containsKey(resource);
                    BigDecimal requested = requests.get(resource).getNumericalAmount();
                    BigDecimal limit = limits.get(resource).getNumericalAmount();
                    assertThat(requested)
                            .as(what + " " + resource + " request <= limit")
                            .isLessThanOrEqualTo(limit);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerRunsRestricted(String overlay) {
        for (Rendered.Workload workload : Kustomize.overlay(overlay).workloads()) {
            PodSpec pod = workload.template().getSpec();
            PodSecurityContext podContext =
                    Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
            Set<String> emptyDirs = pod.getVolumes() == null
                    ? Set.of()
                    : pod.getVolumes().stream()
                            .filter(volume -> volume.getEmptyDir() != null)
                            .map(Volume::getName)
                            .collect(Collectors.toSet());
            for (Container container : pod.getContainers()) {
                String what = overlay + " " + workload + " container " + container.getName();
                SecurityContext context = container.getSecurityContext();
                assertThat(context).as(what + " securityContext").isNotNull();
                assertThat(Objects.requireNonNullElse(context.getRunAsNonRoot(), podContext.getRunAsNonRoot()))
                        .as(what + " runAsNonRoot")
                        .isTrue();
                assertThat(context.getAllowPrivilegeEscalation())
                        .as(what + " allowPrivilegeEscalation")
                        .isFalse();
                assertThat(context.getReadOnlyRootFilesystem())
                        .as(what + " readOnlyRootFilesystem")
                        .isTrue();
                assertThat(context.getPrivileged()).as(what + " privileged").isNotEqualTo(Boolean.TRUE);
                assertThat(context.getCapabilities()).as(what + " capabilities").isNotNull();
                assertThat(context.getCapabilities().getDrop())
                        .as(what + " drops")
                        .contains("ALL");
                assertThat(context.getCapabilities().getAdd())
                        .as(what + " adds no capability")
                        .isNullOrEmpty();
                var seccomp = context.getSeccompProfile() != null
                        ? context.getSeccompProfile()
                        : podContext.getSeccompProfile();
                assertThat(seccomp).as(what + " seccompProfile").isNotNull();
                assertThat(seccomp.getType()).as(what + " seccompProfile").isEqualTo("RuntimeDefault");
                if (isQuarkusService(workload)) {
                    assertThat(container.getVolumeMounts())
                            .as(what + ": an emptyDir at /tmp on the read-only root")
                            .anyMatch(mount ->
                                    mount.getMountPath().equals("/tmp") && emptyDirs.contains(mount.getName()));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyWorkloadHasAServiceSelectingItsPodsThroughNamedPorts(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        for (Rendered.Workload workload : rendered.workloads()) {
            List<Service> matching = rendered.services().stream()
                    .filter(service ->
                            Selectors.serviceSelects(service.getSpec().getSelector(), workload.podLabels()))
                    .toList();
            assertThat(matching).as(overlay + " Services selecting " + workload).isNotEmpty();
            Set<String> portNames = workload.template().getSpec().getContainers().stream()
                    .flatMap(container -> portNames(container).stream())
                    .collect(Collectors.toSet());
            for (Service service : matching) {
                for (ServicePort port : service.getSpec().getPorts()) {
                    String what = overlay + " Service " + service.getMetadata().getName() + " port " + port.getPort();
                    assertThat(port.getName()).as(what + " name").isNotBlank();
                    IntOrString target = port.getTargetPort();
                    assertThat(target).as(what + " targetPort").isNotNull();
                    assertThat(target.getStrVal())
                            .as(what + " targets a named container port")
                            .isNotNull();
                    assertThat(portNames).as(what + " target of " + workload).contains(target.getStrVal());
                }
            }
        }
        for (Service service : rendered.services()) {
            assertThat(rendered.workloads())
                    .as(overlay + " Service " + service.getMetadata().getName() + " selects a workload")
                    .anyMatch(workload ->
                            Selectors.serviceSelects(service.getSpec().getSelector(), workload.podLabels()));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noPodMountsAServiceAccountToken(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        for (Rendered.Workload workload : rendered.workloads()) {
            PodSpec pod = workload.template().getSpec();
            assertThat(pod.getAutomountServiceAccountToken())
                    .as(overlay + " " + workload + " automountServiceAccountToken")
                    .isFalse();
            if (pod.getServiceAccountName() != null) {
                ServiceAccount account = rendered.get(ServiceAccount.class, pod.getServiceAccountName());
                assertThat(account.getAutomountServiceAccountToken())
                        .as("ServiceAccount " + pod.getServiceAccountName())
                        .isFalse();
            }
        }
        assertThat(rendered.deployments())
                .filteredOn(deployment ->
                        OverlaysTest.SERVICES.contains(deployment.getMetadata().getName()))
                .allSatisfy(deployment -> assertThat(
                                deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
                        .as("each service runs as its own ServiceAccount")
                        .isEqualTo(deployment.getMetadata().getName()));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theGracePeriodOutlastsPreStopPlusShutdownDelayPlusShutdownTimeoutPlusGrpcDrain(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        for (Rendered.Workload workload : rendered.workloads()) {
            if (!isQuarkusService(workload)) {
                continue;
            }
            PodSpec pod = workload.template().getSpec();
            Container container = pod.getContainers().get(0);
            ServiceConfig config = ServiceConfig.of(workload.name(), rendered.environment(container));
            Duration timeout = config.duration("quarkus.shutdown.timeout")
                    .orElseThrow(() ->
                            new AssertionError(workload + ": graceful shutdown is off (no quarkus.shutdown.timeout)"));
            Duration delay = config.value("quarkus.shutdown.delay-enabled")
                            .map(Boolean::parseBoolean)
                            .orElse(false)
                    ? config.duration("quarkus.shutdown.delay").orElse(Duration.ZERO)
                    : Duration.ZERO;
            Duration preStop = preStop(container);
            assertThat(preStop)
                    .as(overlay + " " + workload + " has a preStop delay")
                    .isPositive();
            Duration grpcDrain = config.duration("capflow.grpc.drain.timeout")
                    .orElseThrow(() -> new AssertionError(workload + ": no capflow.grpc.drain.timeout"));
            long needed = preStop.plus(delay).plus(timeout).plus(grpcDrain).toSeconds();
            assertThat(pod.getTerminationGracePeriodSeconds())
                    .as(overlay + " " + workload + " terminationGracePeriodSeconds vs preStop " + preStop + " + delay "
                            + delay + " + timeout " + timeout + " + gRPC drain " + grpcDrain)
                    .isGreaterThan(needed);
        }
    }

    /** The preStop delay: {@code sleep N} as an exec command, or the sleep action. */
    static Duration preStop(Container container) {
        if (container.getLifecycle() == null || container.getLifecycle().getPreStop() == null) {
            return Duration.ZERO;
        }
        var preStop = container.getLifecycle().getPreStop();
        if (preStop.getSleep() != null) {
            return Duration.ofSeconds(preStop.getSleep().getSeconds());
        }
        List<String> command =
                preStop.getExec() == null ? List.of() : preStop.getExec().getCommand();
        assertThat(command)
                .as(container.getName() + " preStop is a sleep")
                .hasSize(2)
                .first()
                .isEqualTo("sleep");
        return ServiceConfig.parseDuration(command.get(1));
    }

    /** capflow's own Quarkus services (not the datastores of the dev component). */
    static boolean isQuarkusService(Rendered.Workload workload) {
        return "service".equals(workload.podLabels().get("app.kubernetes.io/component"));
    }

    private static Set<String> portNames(Container container) {
        List<ContainerPort> ports = Optional.ofNullable(container.getPorts()).orElse(List.of());
        ports.forEach(port -> assertThat(port.getName())
                .as(container.getName() + " port " + port.getContainerPort() + " name")
                .isNotBlank());
        return ports.stream().map(ContainerPort::getName).collect(Collectors.toSet());
    }

    private static Optional<String> probePort(Probe probe) {
        IntOrString port = probe.getHttpGet() != null
                ? probe.getHttpGet().getPort()
                : probe.getTcpSocket() != null ? probe.getTcpSocket().getPort() : null;
        if (port == null) {
            return Optional.empty();
        }
        assertThat(port.getStrVal()).as("probes use named ports").isNotNull();
        return Optional.of(port.getStrVal());
    }

    private static String httpPath(Probe probe) {
        assertThat(probe.getHttpGet()).as("an HTTP probe").isNotNull();
        return probe.getHttpGet().getPath();
    }
}
