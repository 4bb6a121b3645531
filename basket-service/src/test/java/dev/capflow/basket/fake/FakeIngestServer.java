package dev.capflow.basket.fake;

import dev.capflow.testsupport.SeenTokens;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link DemoIngestService} on a free port of a real grpc-java server and points the service's {@code ingest}
 * client at it, so every history call crosses the gRPC boundary.
 */
public class FakeIngestServer implements QuarkusTestResourceLifecycleManager {

    private static volatile DemoIngestService service;
    private static final SeenTokens SEEN = new SeenTokens();
    private Server server;

    @Override
    public Map<String, String> start() {
        // surefire runs in the module directory; the demo data lives at the repository root
        service = new DemoIngestService(Path.of("..", "demo"));
        try {
            server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                    .addService(ServerInterceptors.intercept(service, SEEN))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake ingest server", e);
        }
        String port = Integer.toString(server.getPort());
        return Map.of(
                "quarkus.grpc.clients.ingest.host", "localhost",
                "quarkus.grpc.clients.ingest.port", port,
                "quarkus.grpc.clients.ingest.test-port", port);
    }

    /** The authorization of every call the fake received. */
    public static SeenTokens seen() {
        return SEEN;
    }

    /** The running fake, for assertions on the calls it received. */
    public static DemoIngestService service() {
        return service;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdown();
            try {
                if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                    server.shutdownNow();
                }
            } catch (InterruptedException e) {
                server.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
