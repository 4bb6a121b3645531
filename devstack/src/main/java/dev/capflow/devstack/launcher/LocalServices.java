package dev.capflow.devstack.launcher;

import dev.capflow.devstack.Arguments;
import dev.capflow.devstack.UsageException;
import dev.capflow.devstack.stack.ServiceSpec;
import dev.capflow.devstack.stack.ServiceTable;
import java.util.List;
import java.util.Map;

/**
 * The services {@code ./capflow} runs on this machine: the {@link ServiceTable}'s rows with every port moved up by
 * {@code CAPFLOW_PORT_OFFSET} (0 when unset), so that a second checkout's platform can run beside the first.
 */
record LocalServices(List<ServiceSpec> specs) {

    static final String PORT_OFFSET = "CAPFLOW_PORT_OFFSET";

    /** The highest gRPC port of the table plus this stays below 65536. */
    private static final long MAX_OFFSET = 50_000;

    static LocalServices of(Map<String, String> env) throws UsageException {
        long offset = Arguments.nonNegative(env.getOrDefault(PORT_OFFSET, "0"), PORT_OFFSET);
        if (offset > MAX_OFFSET) {
            throw new UsageException(PORT_OFFSET + " must be at most " + MAX_OFFSET + ", got " + offset);
        }
        int shift = (int) offset;
        return new LocalServices(ServiceTable.SERVICES.stream()
                .map(spec -> spec.withPorts(spec.httpPort() + shift, spec.grpcPort() + shift))
                .toList());
    }

    /** The dashboard and API root, {@code http://localhost:8080/} without an offset. */
    String gatewayUrl() {
        return specs.stream()
                .filter(spec -> spec.name().equals("gateway"))
                .map(spec -> "http://localhost:" + spec.httpPort() + "/")
                .findFirst()
                .orElseThrow();
    }
}
