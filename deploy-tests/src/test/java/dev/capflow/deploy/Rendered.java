package dev.capflow.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The resources one kustomization renders to, with look-ups by kind and name. */
record Rendered(List<HasMetadata> resources) {

    /** A pod template with the name of the workload that owns it. */
    record Workload(String kind, String name, PodTemplateSpec template) {
        Map<String, String> podLabels() {
            Map<String, String> labels = template.getMetadata().getLabels();
            return labels == null ? Map.of() : labels;
        }

        @Override
        public String toString() {
            return kind + "/" + name;
        }
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return all(kind).stream()
                .filter(resource -> resource.getMetadata().getName().equals(name))
                .findFirst();
    }

    <T extends HasMetadata> T get(Class<T> kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
    }

    List<Deployment> deployments() {
        return all(Deployment.class);
    }

    List<Service> services() {
        return all(Service.class);
    }

    List<NetworkPolicy> networkPolicies() {
        return all(NetworkPolicy.class);
    }

    List<Secret> secrets() {
        return all(Secret.class);
    }

    List<ConfigMap> configMaps() {
        return all(ConfigMap.class);
    }

    List<ServiceAccount> serviceAccounts() {
        return all(ServiceAccount.class);
    }

    /** Every pod template: Deployments and StatefulSets. */
    List<Workload> workloads() {
        return resources.stream()
                .<Workload>mapMulti((resource, out) -> {
                    if (resource instanceof Deployment deployment) {
                        out.accept(new Workload(
                                "Deployment",
                                deployment.getMetadata().getName(),
                                deployment.getSpec().getTemplate()));
                    } else if (resource instanceof StatefulSet statefulSet) {
                        out.accept(new Workload(
                                "StatefulSet",
                                statefulSet.getMetadata().getName(),
                                statefulSet.getSpec().getTemplate()));
                    }
                })
                .toList();
    }

    /**
     * The environment a container starts with: its ConfigMaps' data (envFrom) and its literal env values
     * (values taken from Secrets are left out).
     */
    Map<String, String> environment(Container container) {
        Map<String, String> environment = new HashMap<>();
        for (EnvFromSource source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
            if (source.getConfigMapRef() != null) {
                find(ConfigMap.class, source.getConfigMapRef().getName())
                        .ifPresent(map -> environment.putAll(
                                Optional.ofNullable(map.getData()).orElse(Map.of())));
            }
        }
        for (EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
            if (variable.getValue() != null) {
                environment.put(variable.getName(), variable.getValue());
            }
        }
        return environment;
    }

    /** A ConfigMap by the name it has in k8s/ (kustomize appends a content hash to generated ones). */
    ConfigMap configMap(String baseName) {
        return configMaps().stream()
                .filter(map -> Names.generatedFrom(map.getMetadata().getName(), baseName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap " + baseName));
    }
}
