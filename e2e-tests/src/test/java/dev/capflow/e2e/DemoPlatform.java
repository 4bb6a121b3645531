package dev.capflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.devstack.demo.LoadDemoCommand;
import dev.capflow.devstack.stack.ServiceProcess;
import dev.capflow.devstack.stack.ServiceSpec;
import dev.capflow.devstack.stack.StackEnvironment;
import dev.capflow.testsupport.Datastores;
import dev.capflow.testsupport.ProjectRoot;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The platform as real processes on a real PostgreSQL and Redis: ingest-service, basket-service, optionally
 * exposure-service, and the gateway, wired by devstack's service table as {@code ./capflow up} wires them (on free
 * ports), with demo/ loaded through the gateway as {@code up} loads it. Closing stops them in reverse order.
 */
final class DemoPlatform implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private ServiceProcess basket;
    private ServiceProcess gateway;

    private DemoPlatform() {}

    /** Starts the platform (with exposure-service when {@code withExposure}) and loads the demo data. */
    static DemoPlatform start(boolean withExposure) throws Exception {
        return start(withExposure, Map.of());
    }

    /**
     * As {@link #start(boolean)}, with environment variables of some services ({@code settings}: service name to its
     * variables), as an operator would set them.
     */
    static DemoPlatform start(boolean withExposure, Map<String, Map<String, String>> settings) throws Exception {
        DemoPlatform platform = new DemoPlatform();
        try {
            platform.startAll(withExposure, settings);
            return platform;
        } catch (Exception | AssertionError e) {
            platform.close();
            throw e;
        }
    }

    private void startAll(boolean withExposure, Map<String, Map<String, String>> settings) throws Exception {
        Datastores stores = started(Datastores.start(4));
        StackEnvironment stack = withExposure
                ? ServiceEnv.stack(
                        ServiceEnv.datastores(stores),
                        "ingest-service",
                        "basket-service",
                        "exposure-service",
                        "gateway")
                : ServiceEnv.stack(ServiceEnv.datastores(stores), "ingest-service", "basket-service", "gateway");
        settings.forEach(stack::with);
        // in start order, as ./capflow up starts them
        for (ServiceSpec spec : stack.services()) {
            ServiceProcess process = started(ServiceEnv.start(stack, spec.name()));
            if (spec.name().equals("basket-service")) {
                basket = process;
            } else if (spec.name().equals("gateway")) {
                gateway = process;
            }
        }
        int exit = new LoadDemoCommand()
                .run(List.of(
                        gateway.baseUrl(),
                        ProjectRoot.path().resolve("demo").toString(),
                        "--keys",
                        ServiceEnv.demoKeys()));
        assertThat(exit)
                .as("the demo data loads through the gateway without a failed call or rejected row")
                .isZero();
    }

    private <T extends AutoCloseable> T started(T part) {
        started.push(part);
        return part;
    }

    /** REST calls to the gateway. */
    GatewayApi api() {
        return new GatewayApi(gateway);
    }

    String gatewayUrl() {
        return gateway.baseUrl();
    }

    /** basket-service's gRPC port. */
    int basketGrpcPort() {
        return basket.grpcPort();
    }

    @Override
    public void close() throws Exception {
        while (!started.isEmpty()) {
            started.pop().close();
        }
    }
}
