package dev.capflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The YAML reader the manifest tests rely on refuses what Kubernetes would refuse or silently drop. */
class StrictYamlTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
            spec:
              %s: 2
              selector:
                matchLabels:
                  app: demo
              template:
                metadata:
                  labels:
                    app: demo
                spec:
                  containers:
                    - name: demo
                      image: demo:1
                      %s: IfNotPresent
            """;

    @Test
    void readsEachDocumentIntoItsTypedKind() {
        List<HasMetadata> resources = StrictYaml.read(DEPLOYMENT.formatted("replicas", "imagePullPolicy")
                + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  A: b\n");
        assertThat(resources).hasSize(2);
        Deployment deployment = (Deployment) resources.get(0);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(deployment
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImagePullPolicy())
                .isEqualTo("IfNotPresent");
    }

    @Test
    void aMisspelledFieldFailsNamingTheDocumentAndTheField() {
        assertThatThrownBy(() -> StrictYaml.read(DEPLOYMENT.formatted("replica", "imagePullPolicy")))
                .hasMessageContaining("Deployment demo")
                .hasMessageContaining("replica");
        assertThatThrownBy(() -> StrictYaml.read(DEPLOYMENT.formatted("replicas", "imagePullPolicyy")))
                .hasMessageContaining("imagePullPolicyy");
    }

    @Test
    void anUnexpectedKindFails() {
        assertThatThrownBy(() -> StrictYaml.read("apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: x\n"))
                .hasMessageContaining("batch/v1/CronJob");
    }
}
