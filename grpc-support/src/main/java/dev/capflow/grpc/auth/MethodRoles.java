package dev.capflow.grpc.auth;

import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The role each RPC of one gRPC service needs, declared by the service next to its implementation (a CDI bean of
 * this type). {@link GrpcAuthInterceptor} refuses a method that no table names, so a new RPC stays closed until it is
 * given a role; {@link #unassigned()} lets a test prove the table covers the whole contract.
 */
public final class MethodRoles {

    private final ServiceDescriptor service;
    private final Map<String, String> roleByMethod;

    private MethodRoles(ServiceDescriptor service, Map<String, String> roleByMethod) {
        this.service = service;
        this.roleByMethod = Map.copyOf(roleByMethod);
    }

    /** A table for {@code service}, e.g. {@code IngestServiceGrpc.getServiceDescriptor()}. */
    public static Builder forService(ServiceDescriptor service) {
        return new Builder(service);
    }

    /** The role a call of {@code fullMethodName} ({@code package.Service/Method}) needs, if this table names it. */
    public Optional<String> roleFor(String fullMethodName) {
        return Optional.ofNullable(roleByMethod.get(fullMethodName));
    }

    /** The methods of the service's contract that have no role here (an empty set for a complete table). */
    public Set<String> unassigned() {
        Set<String> missing = new TreeSet<>();
        service.getMethods().stream()
                .map(MethodDescriptor::getFullMethodName)
                .filter(name -> !roleByMethod.containsKey(name))
                .forEach(missing::add);
        return missing;
    }

    /** Collects one role per method. */
    public static final class Builder {

        private final ServiceDescriptor service;
        private final Map<String, String> roleByMethod = new LinkedHashMap<>();

        private Builder(ServiceDescriptor service) {
            this.service = service;
        }

        /** {@code methods} need {@code role} (or a role that implies it). */
        public Builder require(String role, MethodDescriptor<?, ?>... methods) {
            for (MethodDescriptor<?, ?> method : methods) {
                if (!service.getName().equals(method.getServiceName())) {
                    throw new IllegalArgumentException(
                            method.getFullMethodName() + " is not a method of " + service.getName());
                }
                if (roleByMethod.putIfAbsent(method.getFullMethodName(), role) != null) {
                    throw new IllegalArgumentException(method.getFullMethodName() + " is given a role twice");
                }
            }
            return this;
        }

        public MethodRoles build() {
            return new MethodRoles(service, roleByMethod);
        }
    }
}
