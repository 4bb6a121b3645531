package dev.capflow.exposure.fake;

import dev.capflow.testsupport.ProjectRoot;
import dev.capflow.testsupport.SeenTokens;
import io.grpc.BindableService;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link FakeIngestService} and {@link FakeBasketService} (each with a grpc.health.v1 service) on free ports of real grpc-java servers over the demo
 * data, and points the service's {@code ingest} and {@code basket} clients at them, so every call crosses gRPC.
 */
public class FakeDownstreams implements QuarkusTestResourceLifecycleManager {

    private static volatile FakeIngestService ingest;
    private static volatile FakeBasketService baskets;
    private static final SeenTokens SEEN = new SeenTokens();
    private Server ingestServer;
    private Server basketServer;

    @Override
    public Map<String, String> start() {
        DemoMarket market = new DemoMarket(ProjectRoot.path().resolve("demo"));
        ingest = new FakeIngestService(market);
        baskets = new FakeBasketService(market);
        ingestServer = serve(ingest, new FakeHealth(() -> true));
        basketServer = serve(baskets, new FakeHealth(() -> !baskets.isDown()));
        String ingestPort = Integer.toString(ingestServer.getPort());
        String basketPort = Integer.toString(basketServer.getPort());
        return Map.of(
                "quarkus.grpc.clients.ingest.host", "localhost",
                "quarkus.grpc.clients.ingest.port", ingestPort,
                "quarkus.grpc.clients.ingest.test-port", ingestPort,
                "quarkus.grpc.clients.basket.host", "localhost",
                "quarkus.grpc.clients.basket.port", basketPort,
                "quarkus.grpc.clients.basket.test-port", basketPort);
    }

    public static FakeIngestService ingest() {
        return ingest;
    }

    /** The authorization of every call the fake ingest-service and basket-service received. */
    public static SeenTokens seen() {
        return SEEN;
    }

    public static FakeBasketService baskets() {
        return baskets;
    }

    private static Server serve(BindableService service, FakeHealth health) {
        try {
            return Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                    .addService(ServerInterceptors.intercept(service, SEEN))
                    .addService(health)
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a fake downstream server", e);
        }
    }

    @Override
    public void stop() {
        for (Server server : new Server[] {ingestServer, basketServer}) {
            if (server == null) {
                continue;
            }
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
