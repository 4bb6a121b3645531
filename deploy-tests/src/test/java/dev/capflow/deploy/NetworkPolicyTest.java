package dev.capflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** prod's NetworkPolicies: deny all, then allow only what each pod needs; only the gateway is reachable from outside. */
class NetworkPolicyTest {

    private static final Rendered PROD = Kustomize.overlay("prod");
    private static final String MONITORING = "monitoring";

    @Test
    void everyPodIsUnderADenyAllPolicyForBothDirections() {
        List<NetworkPolicy> denyAll = PROD.networkPolicies().stream()
                .filter(policy -> Selectors.selectsAll(policy.getSpec().getPodSelector()))
                .filter(policy -> policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")))
                .filter(policy -> isEmpty(policy.getSpec().getIngress())
                        && isEmpty(policy.getSpec().getEgress()))
                .toList();
        assertThat(denyAll).as("a deny-all policy").hasSize(1);
        assertThat(PROD.workloads()).isNotEmpty();
    }

    @Test
    void everyPodHasAtLeastOneAllowRuleBeyondDns() {
        for (Rendered.Workload workload : PROD.workloads()) {
            List<NetworkPolicy> allowing = selecting(workload).stream()
                    .filter(policy -> !Selectors.selectsAll(policy.getSpec().getPodSelector()))
                    .filter(policy -> !isEmpty(policy.getSpec().getIngress())
                            || !isEmpty(policy.getSpec().getEgress()))
                    .toList();
            assertThat(allowing).as("policies allowing traffic of " + workload).isNotEmpty();
        }
    }

    @Test
    void everyPodMayResolveNamesThroughClusterDns() {
        for (Rendered.Workload workload : PROD.workloads()) {
            assertThat(egressRules(workload))
                    .as(workload + " DNS egress")
                    .anyMatch(rule -> rule.getPorts() != null
                            && rule.getPorts().stream()
                                    .anyMatch(port -> port.getPort().getIntVal() != null
                                            && port.getPort().getIntVal() == 53
                                            && "UDP".equals(port.getProtocol()))
                            && rule.getTo().stream()
                                    .anyMatch(peer -> peer.getNamespaceSelector() != null
                                            && "kube-system"
                                                    .equals(peer.getNamespaceSelector()
                                                            .getMatchLabels()
                                                            .get("kubernetes.io/metadata.name"))));
        }
    }

    @Test
    void onlyTheGatewayAcceptsTrafficFromOutsideTheNamespaceBesidesPrometheusScrapes() {
        for (Rendered.Workload workload : PROD.workloads()) {
            List<NetworkPolicyPeer> outside = ingressRules(workload).stream()
                    .flatMap(rule -> peers(rule).stream())
                    .filter(peer -> peer.getNamespaceSelector() != null || peer.getIpBlock() != null)
                    .filter(peer -> !isNamespace(peer, MONITORING))
                    .toList();
            if (workload.name().equals("gateway")) {
                assertThat(outside)
                        .as("the gateway is reached from the ingress controller")
                        .isNotEmpty();
            } else {
                assertThat(outside)
                        .as(workload + " is not reachable from outside")
                        .isEmpty();
            }
        }
        assertThat(ingressRules(workload("gateway")))
                .allSatisfy(rule -> assertThat(peers(rule))
                        .as("no gateway ingress rule open to every source")
                        .isNotEmpty());
    }

    @Test
    void theGatewayReachesIngestServiceAndIngestServiceAcceptsTheGateway() {
        Rendered.Workload gateway = workload("gateway");
        Rendered.Workload ingest = workload("ingest-service");
        assertThat(egressRules(gateway))
                .as("gateway egress to ingest-service's gRPC port 9081")
                .anyMatch(rule -> rule.getTo().stream()
                                .anyMatch(peer -> peer.getPodSelector() != null
                                        && Selectors.matches(peer.getPodSelector(), ingest.podLabels()))
                        && allowsPort(rule.getPorts(), 9081, "grpc"));
        assertThat(ingressRules(ingest))
                .as("ingest-service ingress from the gateway on its gRPC port")
                .anyMatch(rule -> peers(rule).stream()
                                .anyMatch(peer -> peer.getPodSelector() != null
                                        && peer.getNamespaceSelector() == null
                                        && Selectors.matches(peer.getPodSelector(), gateway.podLabels()))
                        && allowsPort(rule.getPorts(), 9081, "grpc"));
        assertThat(egressRules(ingest))
                .as("ingest-service egress to PostgreSQL and Redis")
                .anyMatch(rule -> allowsPort(rule.getPorts(), 5432, null) && allowsPort(rule.getPorts(), 6379, null));
        assertThat(egressRules(gateway))
                .as("the gateway has no database egress")
                .noneMatch(rule -> allowsPort(rule.getPorts(), 5432, null));
    }

    @Test
    void theInClusterDatastoresAcceptEveryServiceWhoseEgressReachesThem() {
        Map<String, Integer> datastorePorts = Map.of("postgres", 5432, "redis", 6379);
        datastorePorts.forEach((datastore, port) -> {
            NetworkPolicy policy = PROD.get(NetworkPolicy.class, datastore);
            List<NetworkPolicyPeer> admitted = nullToEmpty(policy.getSpec().getIngress()).stream()
                    .flatMap(rule -> peers(rule).stream())
                    .toList();
            for (String service : OverlaysTest.SERVICES) {
                Rendered.Workload workload = workload(service);
                boolean reaches = egressRules(workload).stream()
                        .anyMatch(rule -> !isEmpty(rule.getPorts()) && allowsPort(rule.getPorts(), port, null));
                boolean accepted = admitted.stream()
                        .anyMatch(peer -> peer.getPodSelector() != null
                                && Selectors.matches(peer.getPodSelector(), workload.podLabels()));
                assertThat(accepted)
                        .as(service + (reaches ? " reaches " : " does not reach ") + datastore + " on " + port
                                + ", so the datastore's policy " + (reaches ? "admits" : "does not admit") + " it")
                        .isEqualTo(reaches);
            }
        });
    }

    @Test
    void theInternalServicesAcceptOtherPodsOnTheirGrpcPortOnly() {
        for (String service : List.of("ingest-service", "basket-service", "exposure-service")) {
            List<NetworkPolicyIngressRule> fromPods = ingressRules(workload(service)).stream()
                    .filter(rule -> peers(rule).stream()
                            .anyMatch(peer -> peer.getPodSelector() != null && peer.getNamespaceSelector() == null))
                    .toList();
            assertThat(fromPods)
                    .as(service + " ingress rules from other pods")
                    .isNotEmpty()
                    .allSatisfy(rule -> assertThat(rule.getPorts())
                            .as(service + ": only the grpc port, never http (health, metrics)")
                            .extracting(port -> port.getPort().getStrVal())
                            .containsExactly("grpc"));
        }
    }

    private static Rendered.Workload workload(String name) {
        return PROD.workloads().stream()
                .filter(workload -> workload.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<NetworkPolicy> selecting(Rendered.Workload workload) {
        return PROD.networkPolicies().stream()
                .filter(policy -> Selectors.matches(policy.getSpec().getPodSelector(), workload.podLabels()))
                .toList();
    }

    private static List<NetworkPolicyIngressRule> ingressRules(Rendered.Workload workload) {
        return selecting(workload).stream()
                .filter(policy -> policy.getSpec().getPolicyTypes().contains("Ingress"))
                .flatMap(policy -> nullToEmpty(policy.getSpec().getIngress()).stream())
                .toList();
    }

    private static List<NetworkPolicyEgressRule> egressRules(Rendered.Workload workload) {
        return selecting(workload).stream()
                .filter(policy -> policy.getSpec().getPolicyTypes().contains("Egress"))
                .flatMap(policy -> nullToEmpty(policy.getSpec().getEgress()).stream())
                .toList();
    }

    private static List<NetworkPolicyPeer> peers(NetworkPolicyIngressRule rule) {
        return nullToEmpty(rule.getFrom());
    }

    private static boolean isNamespace(NetworkPolicyPeer peer, String namespace) {
        Map<String, String> labels = peer.getNamespaceSelector() == null
                ? null
                : peer.getNamespaceSelector().getMatchLabels();
        return labels != null
                && namespace.equals(labels.get("kubernetes.io/metadata.name"))
                && peer.getIpBlock() == null;
    }

    /** Whether the ports allow {@code number} (or the named port {@code name}); no ports means every port. */
    private static boolean allowsPort(List<NetworkPolicyPort> ports, int number, String name) {
        if (isEmpty(ports)) {
            return true;
        }
        return ports.stream()
                .map(NetworkPolicyPort::getPort)
                .anyMatch(port -> port == null
                        || (port.getIntVal() != null && port.getIntVal() == number)
                        || (name != null && name.equals(port.getStrVal())));
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
