package dev.capflow.devstack.stack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment variables of each service of a stack: its ports, then what each of its {@link Need}s gives.
 * {@code ./capflow up} and the end-to-end tests both build service environments here.
 */
public final class StackEnvironment {

    private final List<ServiceSpec> services;
    private final StackDatastores datastores;
    private final Trust trust;
    private final Map<String, Map<String, String>> extras = new LinkedHashMap<>();

    /** {@code services} in start order (a subset of the table, perhaps on other ports). */
    public StackEnvironment(List<ServiceSpec> services, StackDatastores datastores, Trust trust) {
        this.services = List.copyOf(services);
        this.datastores = datastores;
        this.trust = trust;
    }

    public List<ServiceSpec> services() {
        return services;
    }

    /** The row of {@code name} in this stack. */
    public ServiceSpec service(String name) {
        return services.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + name + " in this stack"));
    }

    /** Adds settings of one service on top of what its needs give (for example a test's rate limits). */
    public StackEnvironment with(String name, Map<String, String> settings) {
        service(name);
        extras.computeIfAbsent(name, n -> new LinkedHashMap<>()).putAll(settings);
        return this;
    }

    /** {@code name}'s environment, sorted by variable name. */
    public Map<String, String> of(String name) {
        ServiceSpec spec = service(name);
        Map<String, String> env = new TreeMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(spec.httpPort()));
        if (spec.servesGrpc()) {
            env.put("QUARKUS_GRPC_SERVER_PORT", Integer.toString(spec.grpcPort()));
        }
        if (spec.needs(Need.DB)) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", datastores.database().jdbcUrl());
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", datastores.database().reactiveUrl());
            env.put("QUARKUS_DATASOURCE_USERNAME", datastores.user());
            env.put("QUARKUS_DATASOURCE_PASSWORD", datastores.password());
        }
        if (spec.needs(Need.REDIS)) {
            env.put("QUARKUS_REDIS_HOSTS", datastores.redisUrl());
            if (datastores.redisCluster()) {
                env.put("QUARKUS_REDIS_CLIENT_TYPE", "cluster");
            }
        }
        if (spec.needs(Need.JWT)) {
            env.putAll(trust.env(name));
        }
        if (spec.needs(Need.GRPC)) {
            for (ServiceSpec upstream : services.subList(0, services.indexOf(spec))) {
                if (upstream.servesGrpc()) {
                    env.put("QUARKUS_GRPC_CLIENTS_" + upstream.clientName() + "_HOST", "127.0.0.1");
                    env.put(
                            "QUARKUS_GRPC_CLIENTS_" + upstream.clientName() + "_PORT",
                            Integer.toString(upstream.grpcPort()));
                }
            }
        }
        env.putAll(extras.getOrDefault(name, Map.of()));
        return env;
    }
}
