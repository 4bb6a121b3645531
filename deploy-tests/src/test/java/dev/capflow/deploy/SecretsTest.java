package dev.capflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Credentials: prod renders no Secret and no literal credential; its pods only reference Secrets that come
 * from outside the overlay (the secret store). dev defines every Secret its pods reference.
 */
class SecretsTest {

    private static final Pattern CREDENTIAL_NAME =
            Pattern.compile("(?i).*(password|passwd|secret|token|credential|username|apikey|api_key).*");
    private static final Pattern URL_WITH_USERINFO = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://[^/@\\s]+@");

    @Test
    void prodRendersNoSecretAndItsPodsReferenceOnlySecretsFromOutside() {
        Rendered prod = Kustomize.overlay("prod");
        assertThat(prod.secrets()).as("Secrets in the prod render").isEmpty();
        assertThat(secretKeyRefs(prod))
                .as("the credentials prod pods read")
                .extracting(SecretKeySelector::getName)
                .containsOnly("capflow-postgres", "capflow-redis");
        assertThat(secretKeyRefs(prod))
                .allSatisfy(ref -> assertThat(ref.getOptional())
                        .as(ref.getName() + " is required")
                        .isNotEqualTo(Boolean.TRUE));
        assertThat(prod.all(Ingress.class))
                .flatExtracting(ingress -> ingress.getSpec().getTls())
                .extracting(tls -> tls.getSecretName())
                .doesNotContainNull();
    }

    @Test
    void noOverlayPutsACredentialInAnEnvValueOrAConfigMap() {
        for (String overlay : Kustomize.overlays()) {
            Rendered rendered = Kustomize.overlay(overlay);
            for (Rendered.Workload workload : rendered.workloads()) {
                for (Container container : workload.template().getSpec().getContainers()) {
                    for (EnvVar variable :
                            Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                        String what = overlay + " " + workload + " env " + variable.getName();
                        if (variable.getValue() != null) {
                            assertThat(variable.getName())
                                    .as(what + " is a literal: not a credential name")
                                    .doesNotMatch(CREDENTIAL_NAME);
                            assertThat(variable.getValue()).as(what).doesNotContainPattern(URL_WITH_USERINFO);
                        }
                    }
                }
            }
            for (ConfigMap map : rendered.configMaps()) {
                Map<String, String> data = Optional.ofNullable(map.getData()).orElse(Map.of());
                data.forEach((key, value) -> {
                    String what = overlay + " ConfigMap " + map.getMetadata().getName() + " " + key;
                    if (!isMountedFileLocation(key, value)) { // where a mounted token lies is not the token
                        assertThat(key).as(what).doesNotMatch(CREDENTIAL_NAME);
                    }
                    assertThat(value).as(what).doesNotContainPattern(URL_WITH_USERINFO);
                });
            }
        }
    }

    @Test
    void devDefinesEverySecretKeyItsPodsRead() {
        Rendered dev = Kustomize.overlay("dev");
        Map<String, Set<String>> keysBySecret = dev.secrets().stream()
                .collect(Collectors.toMap(
                        secret -> secret.getMetadata().getName(),
                        secret -> Optional.ofNullable(secret.getData())
                                .orElse(Map.of())
                                .keySet()));
        assertThat(secretKeyRefs(dev))
                .isNotEmpty()
                .allSatisfy(ref -> assertThat(keysBySecret.get(ref.getName()))
                        .as("Secret " + ref.getName() + " rendered with key " + ref.getKey())
                        .isNotNull()
                        .contains(ref.getKey()));
    }

    private static boolean isMountedFileLocation(String key, String value) {
        return key.endsWith("_LOCATION") && value.startsWith("/etc/capflow/");
    }

    /** Every secretKeyRef of every container, and envFrom secretRefs as selectors without a key. */
    private static List<SecretKeySelector> secretKeyRefs(Rendered rendered) {
        List<SecretKeySelector> refs = new ArrayList<>();
        for (Rendered.Workload workload : rendered.workloads()) {
            for (Container container : workload.template().getSpec().getContainers()) {
                for (EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                    if (variable.getValueFrom() != null
                            && variable.getValueFrom().getSecretKeyRef() != null) {
                        refs.add(variable.getValueFrom().getSecretKeyRef());
                    }
                }
                for (EnvFromSource source :
                        Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
                    assertThat(source.getSecretRef())
                            .as(workload + ": Secrets are read key by key, never whole")
                            .isNull();
                }
            }
        }
        return refs;
    }
}
