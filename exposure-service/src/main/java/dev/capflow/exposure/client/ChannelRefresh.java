package dev.capflow.exposure.client;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.capflow.exposure.config.ExposureConfig;
import dev.capflow.grpc.ChannelReResolver;
import io.grpc.Channel;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Re-resolves the ingest-service and basket-service channels periodically ({@code capflow.exposure.*.re-resolve-interval}),
 * so that replicas added by a scale-up get exposure-service's calls too.
 */
@ApplicationScoped
public class ChannelRefresh {

    private final Channel ingest;
    private final Channel basket;
    private final ExposureConfig config;
    private final Vertx vertx;
    private List<ChannelReResolver> reResolvers = List.of();

    public ChannelRefresh(@GrpcClient("ingest") Channel ingest, @GrpcClient("basket") Channel basket, ExposureConfig config,
            Vertx vertx) {
        this.ingest = ingest;
        this.basket = basket;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        reResolvers = List.of(new ChannelReResolver(vertx, ingest, config.ingest().reResolveInterval()),
                new ChannelReResolver(vertx, basket, config.basket().reResolveInterval()));
    }

    void stop(@Observes ShutdownEvent event) {
        reResolvers.forEach(ChannelReResolver::close);
    }
}
