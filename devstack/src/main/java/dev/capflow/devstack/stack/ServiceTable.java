package dev.capflow.devstack.stack;

import static dev.capflow.devstack.stack.Need.DB;
import static dev.capflow.devstack.stack.Need.GRPC;
import static dev.capflow.devstack.stack.Need.JWT;
import static dev.capflow.devstack.stack.Need.REDIS;
import static dev.capflow.devstack.stack.ServiceSpec.NO_GRPC;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The services of the platform in start order: the one place that says which service gets which ports and needs,
 * for {@code ./capflow up} and for the end-to-end tests alike. A new service is one row above the gateway, plus its
 * heap limit in {@code k8s/base/<service>/jvm.env} ({@link JvmSettings}).
 */
public final class ServiceTable {

    /** In start order; each service's {@link Need#GRPC} clients are the services above it. */
    public static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec("ingest-service", 8081, 9081, Set.of(DB, REDIS, JWT)),
            new ServiceSpec("basket-service", 8082, 9082, Set.of(DB, REDIS, GRPC, JWT)),
            new ServiceSpec("exposure-service", 8083, 9083, Set.of(DB, GRPC, JWT)),
            new ServiceSpec("gateway", 8080, NO_GRPC, Set.of(REDIS, GRPC, JWT)));

    private ServiceTable() {}

    /** The row of {@code name}. */
    public static ServiceSpec named(String name) {
        return SERVICES.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service '" + name + "' in the table; known: "
                        + SERVICES.stream().map(ServiceSpec::name).toList()));
    }

    /** The rows of {@code names}, in table order (start order), whatever the order of {@code names}. */
    public static List<ServiceSpec> only(Collection<String> names) {
        names.forEach(ServiceTable::named);
        List<ServiceSpec> chosen = new ArrayList<>();
        for (ServiceSpec spec : SERVICES) {
            if (names.contains(spec.name())) {
                chosen.add(spec);
            }
        }
        return chosen;
    }
}
