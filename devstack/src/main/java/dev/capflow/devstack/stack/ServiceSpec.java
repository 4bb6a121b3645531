package dev.capflow.devstack.stack;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * One row of the {@link ServiceTable}: a service module, its HTTP port, its gRPC port ({@link #NO_GRPC} for the
 * gateway, which serves no gRPC) and what it needs. Its JVM settings are in k8s/ ({@link JvmSettings}).
 */
public record ServiceSpec(String name, int httpPort, int grpcPort, Set<Need> needs) {

    /** The gRPC port of a service that serves no gRPC. */
    public static final int NO_GRPC = 0;

    public ServiceSpec {
        needs = Set.copyOf(needs);
    }

    public boolean servesGrpc() {
        return grpcPort != NO_GRPC;
    }

    public boolean needs(Need need) {
        return needs.contains(need);
    }

    /** The same service on other ports, for example free ones in a test. */
    public ServiceSpec withPorts(int otherHttpPort, int otherGrpcPort) {
        return new ServiceSpec(name, otherHttpPort, servesGrpc() ? otherGrpcPort : NO_GRPC, needs);
    }

    /** The name other services' gRPC client settings use: {@code ingest-service} is {@code INGEST}. */
    public String clientName() {
        return name.replaceFirst("-service$", "").toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The packaged service in the checkout at {@code root}. */
    public Path jar(Path root) {
        return root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Where its readiness answers. */
    public String healthUrl() {
        return "http://127.0.0.1:" + httpPort + "/q/health/ready";
    }
}
