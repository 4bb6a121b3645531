package dev.capflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The gateway checks bearer tokens with a public key mounted from the ConfigMap capflow-jwt-public-key, which comes
 * from outside the overlays (no key is ever rendered), at the path MP_JWT_VERIFY_PUBLICKEY_LOCATION names.
 */
class GatewayKeyTest {

    private static final String KEY_FILE = "/etc/capflow/jwt/public.pem";

    static List<String> overlays() {
        return Kustomize.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theGatewayReadsThePublicKeyFromAMountedConfigMapThatNoOverlayRenders(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        ConfigMap config = rendered.configMaps().stream().filter(map -> map.getMetadata().getName().startsWith("gateway-config"))
                .findFirst().orElseThrow();
        assertThat(config.getData()).containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", KEY_FILE);
        assertThat(rendered.find(ConfigMap.class, "capflow-jwt-public-key")).as(overlay + ": the key comes from outside").isEmpty();

        PodSpec pod = rendered.get(Deployment.class, "gateway").getSpec().getTemplate().getSpec();
        Volume volume = pod.getVolumes().stream().filter(v -> v.getConfigMap() != null
                && "capflow-jwt-public-key".equals(v.getConfigMap().getName())).findFirst().orElseThrow();
        assertThat(volume.getConfigMap().getOptional()).as("the gateway does not start without its key").isNotEqualTo(Boolean.TRUE);
        Container gateway = pod.getContainers().get(0);
        VolumeMount mount = gateway.getVolumeMounts().stream().filter(m -> m.getName().equals(volume.getName()))
                .findFirst().orElseThrow();
        assertThat(mount.getReadOnly()).isTrue();
        assertThat(KEY_FILE).startsWith(mount.getMountPath() + "/");
        assertThat(Optional.ofNullable(gateway.getEnv()).orElse(List.of())).as("no key text in the pod spec")
                .noneMatch(env -> env.getName().startsWith("MP_JWT_VERIFY_PUBLICKEY") || env.getName().contains("PRIVATE"));
    }
}
