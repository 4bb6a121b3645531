package dev.capflow.gateway.fake;

import dev.capflow.testsupport.SeenTokens;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link FakeIngestService} and {@link FakeBasketService} and {@link FakeExposureService} on a free port of a
 * real grpc-java server and points the gateway's {@code ingest}, {@code basket} and {@code exposure} clients at it, so every test call crosses the gRPC boundary.
 */
public class FakeIngestServer implements QuarkusTestResourceLifecycleManager {

    private static final SeenTokens SEEN = new SeenTokens();
    private FakeIngestService service;
    private Server server;

    @Override
    public Map<String, String> start() {
        service = new FakeIngestService();
        try {
            server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                    .intercept(SEEN)
                    .addService(service)
                    .addService(service.health())
                    .addService(new FakeBasketService(service))
                    .addService(new FakeExposureService(service))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake ingest server", e);
        }
        String port = Integer.toString(server.getPort());
        return Map.of(
                "quarkus.grpc.clients.ingest.host", "localhost",
                "quarkus.grpc.clients.ingest.port", port,
                "quarkus.grpc.clients.ingest.test-port", port,
                "quarkus.grpc.clients.basket.host", "localhost",
                "quarkus.grpc.clients.basket.port", port,
                "quarkus.grpc.clients.basket.test-port", port,
                "quarkus.grpc.clients.exposure.host", "localhost",
                "quarkus.grpc.clients.exposure.port", port,
                "quarkus.grpc.clients.exposure.test-port", port);
    }

    /** The authorization of every call the fakes received: whose token the gateway sent. */
    public static SeenTokens seen() {
        return SEEN;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(
                service, new TestInjector.AnnotatedAndMatchesType(InjectFakeIngest.class, FakeIngestService.class));
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
        if (service != null) {
            service.close();
        }
    }
}
