package dev.capflow.basket.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.capflow.basket.config.BasketConfig;
import dev.capflow.grpc.ChannelReResolver;
import io.grpc.Channel;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Re-resolves the ingest-service channel every {@code capflow.basket.ingest.re-resolve-interval}, as the gateway does
 * for its downstreams, so that ingest-service replicas added by a scale-up get basket-service's calls too.
 */
@ApplicationScoped
public class IngestChannelRefresh {

    private final Channel channel;
    private final BasketConfig config;
    private final Vertx vertx;
    private ChannelReResolver reResolver;

    public IngestChannelRefresh(@GrpcClient("ingest") Channel channel, BasketConfig config, Vertx vertx) {
        this.channel = channel;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        reResolver = new ChannelReResolver(vertx, channel, config.ingest().reResolveInterval());
    }

    void stop(@Observes ShutdownEvent event) {
        if (reResolver != null) {
            reResolver.close();
        }
    }
}
