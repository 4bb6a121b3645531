package dev.capflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every service checks bearer tokens (the gateway on its REST routes, the others on their gRPC port) with a public key
 * mounted from the ConfigMap capflow-jwt-public-key, and calls other services on nobody's behalf with its own identity
 * token mounted from the Secret capflow-identity-NAME. Both come from outside the overlays (no key or token is ever
 * rendered) and sit at the paths the service's config names.
 */
class TokenKeysTest {

    private static final String KEY_FILE = "/etc/capflow/jwt/public.pem";
    private static final String IDENTITY_FILE = "/etc/capflow/identity/token";
    private static final List<String> SERVICES =
            List.of("gateway", "ingest-service", "basket-service", "exposure-service");

    static List<Arguments> overlaysAndServices() {
        List<Arguments> cases = new ArrayList<>();
        for (String overlay : Kustomize.overlays()) {
            SERVICES.forEach(service -> cases.add(Arguments.of(overlay, service)));
        }
        return cases;
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void everyServiceReadsThePublicKeyAndItsIdentityFromMountsThatNoOverlayRenders(String overlay, String service) {
        Rendered rendered = Kustomize.overlay(overlay);
        ConfigMap config = rendered.configMaps().stream()
                .filter(map -> map.getMetadata().getName().startsWith(service + "-config"))
                .findFirst()
                .orElseThrow();
        assertThat(config.getData())
                .containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", KEY_FILE)
                .containsEntry("CAPFLOW_GRPC_AUTH_SERVICE_TOKEN_LOCATION", IDENTITY_FILE);
        assertThat(rendered.find(ConfigMap.class, "capflow-jwt-public-key"))
                .as(overlay + ": the key comes from outside")
                .isEmpty();
        assertThat(rendered.find(Secret.class, "capflow-identity-" + service))
                .as(overlay + ": the token comes from outside")
                .isEmpty();

        PodSpec pod =
                rendered.get(Deployment.class, service).getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        assertMountedReadOnly(
                pod,
                container,
                volume -> volume.getConfigMap() != null
                        && "capflow-jwt-public-key".equals(volume.getConfigMap().getName()),
                KEY_FILE);
        assertMountedReadOnly(
                pod,
                container,
                volume -> volume.getSecret() != null
                        && ("capflow-identity-" + service)
                                .equals(volume.getSecret().getSecretName()),
                IDENTITY_FILE);
        assertThat(Optional.ofNullable(container.getEnv()).orElse(List.of()))
                .as("no key or token text in the pod spec")
                .noneMatch(env -> env.getName().startsWith("MP_JWT_VERIFY_PUBLICKEY")
                        || env.getName().contains("PRIVATE")
                        || env.getName().startsWith("CAPFLOW_GRPC_AUTH_SERVICE_TOKEN"));
    }

    private static void assertMountedReadOnly(PodSpec pod, Container container, Predicate<Volume> source, String file) {
        Volume volume = pod.getVolumes().stream().filter(source).findFirst().orElseThrow();
        boolean optional = Boolean.TRUE.equals(
                volume.getConfigMap() != null
                        ? volume.getConfigMap().getOptional()
                        : volume.getSecret().getOptional());
        assertThat(optional)
                .as(volume.getName() + ": the service does not start without it")
                .isFalse();
        VolumeMount mount = container.getVolumeMounts().stream()
                .filter(m -> m.getName().equals(volume.getName()))
                .findFirst()
                .orElseThrow();
        assertThat(mount.getReadOnly()).isTrue();
        assertThat(file).startsWith(mount.getMountPath() + "/");
    }
}
