package dev.capflow.gateway.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.capflow.gateway.config.IngestClientConfig;
import io.grpc.Channel;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/** Keeps the ingest-service channel's address list fresh (see {@link ChannelReResolver}). */
@ApplicationScoped
public class IngestChannel {

    private final Channel channel;
    private final IngestClientConfig config;
    private final Vertx vertx;
    private ChannelReResolver reResolver;

    public IngestChannel(@GrpcClient("ingest") Channel channel, IngestClientConfig config, Vertx vertx) {
        this.channel = channel;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        reResolver = new ChannelReResolver(vertx, channel, config.reResolveInterval());
    }

    void stop(@Observes ShutdownEvent event) {
        if (reResolver != null) {
            reResolver.close();
        }
    }
}
