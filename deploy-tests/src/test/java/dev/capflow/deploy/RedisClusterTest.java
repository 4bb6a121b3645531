package dev.capflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prod runs on a Redis Cluster (components/redis-cluster): every service that uses Redis gets the cluster client and
 * its nodes from the Secret capflow-redis; exposure-service uses no Redis; dev keeps its single in-cluster Redis.
 */
class RedisClusterTest {

    private static final List<String> REDIS_SERVICES = List.of("ingest-service", "basket-service", "gateway");

    @Test
    void prodGivesEveryRedisServiceTheClusterClientAndTheNodesFromTheSecret() {
        Rendered prod = Kustomize.overlay("prod");
        for (String service : REDIS_SERVICES) {
            Container container = container(prod, service);
            assertThat(prod.environment(container)).as(service).containsEntry("QUARKUS_REDIS_CLIENT_TYPE", "cluster");
            EnvVar hosts = container.getEnv().stream()
                    .filter(variable -> variable.getName().equals("QUARKUS_REDIS_HOSTS"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(service + " has no QUARKUS_REDIS_HOSTS"));
            assertThat(hosts.getValueFrom().getSecretKeyRef().getName()).isEqualTo("capflow-redis");
            assertThat(hosts.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("url");
        }
        assertThat(prod.environment(container(prod, "exposure-service")))
                .doesNotContainKey("QUARKUS_REDIS_CLIENT_TYPE");
    }

    @Test
    void devKeepsItsSingleRedis() {
        Rendered dev = Kustomize.overlay("dev");
        for (String service : REDIS_SERVICES) {
            assertThat(dev.environment(container(dev, service)))
                    .as(service)
                    .doesNotContainKey("QUARKUS_REDIS_CLIENT_TYPE");
        }
    }

    private static Container container(Rendered rendered, String service) {
        return rendered.workloads().stream()
                .filter(workload -> workload.name().equals(service))
                .findFirst()
                .orElseThrow()
                .template()
                .getSpec()
                .getContainers()
                .get(0);
    }
}
