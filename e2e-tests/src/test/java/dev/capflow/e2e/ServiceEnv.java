package dev.capflow.e2e;

import dev.capflow.devstack.postgres.PgUrl;
import dev.capflow.devstack.stack.ServiceProcess;
import dev.capflow.devstack.stack.ServiceSpec;
import dev.capflow.devstack.stack.ServiceTable;
import dev.capflow.devstack.stack.StackDatastores;
import dev.capflow.devstack.stack.StackEnvironment;
import dev.capflow.devstack.stack.Trust;
import dev.capflow.testsupport.Datastores;
import dev.capflow.testsupport.ProjectRoot;
import dev.capflow.testsupport.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The services of devstack's {@link ServiceTable}, wired by the same {@link StackEnvironment} as {@code ./capflow up},
 * here on free ports, a test's datastores and the throwaway {@link TestTokens#shared()} key.
 */
final class ServiceEnv {

    private ServiceEnv() {}

    /** The test's own PostgreSQL database and Redis database. */
    static StackDatastores datastores(Datastores stores) {
        return new StackDatastores(
                new PgUrl(stores.pgHost(), stores.pgPort(), stores.database(), null),
                stores.user(),
                stores.password(),
                stores.redisUrl());
    }

    /**
     * The named services (in table order) on free ports of 127.0.0.1 and {@code datastores}. They check bearer tokens
     * with {@link TestTokens#shared()}'s key and carry a viewer identity of it; the gateway's rate limit buckets are too
     * large for any test but a rate limit test to empty.
     */
    static StackEnvironment stack(StackDatastores datastores, String... names) {
        List<ServiceSpec> chosen = ServiceTable.only(List.of(names));
        int[] ports = ServiceProcess.freePorts(chosen.size() * 2);
        List<ServiceSpec> onFreePorts = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            onFreePorts.add(chosen.get(i).withPorts(ports[2 * i], ports[2 * i + 1]));
        }
        Trust trust = Trust.inline(
                TestTokens.shared().publicKeyPem(),
                name -> TestTokens.shared().serviceToken(name, "viewer", Duration.ofDays(1)));
        StackEnvironment stack = new StackEnvironment(onFreePorts, datastores, trust);
        if (List.of(names).contains("gateway")) {
            stack.with(
                    "gateway",
                    Map.of(
                            "CAPFLOW_GATEWAY_RATE_LIMIT_READ_CAPACITY", "1000000",
                            "CAPFLOW_GATEWAY_RATE_LIMIT_WRITE_CAPACITY", "1000000"));
        }
        return stack;
    }

    /** Starts {@code name} of {@code stack} and waits until it is ready. */
    static ServiceProcess start(StackEnvironment stack, String name) {
        return ServiceProcess.start(ProjectRoot.path(), stack, name);
    }

    /**
     * A devstack {@code --keys} directory holding {@link TestTokens#shared()}, for {@code load-demo --keys}: the demo
     * loader then sends tokens the test gateways trust. Written under the build directory; a throwaway test key.
     */
    static String demoKeys() {
        try {
            return TestTokens.shared()
                    .writeKeys(ProjectRoot.path().resolve("e2e-tests/target/test-keys"))
                    .toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
