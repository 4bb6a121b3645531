package dev.capflow.gateway.client;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.capflow.gateway.config.BasketClientConfig;
import dev.capflow.gateway.config.ExposureClientConfig;
import dev.capflow.gateway.config.IngestClientConfig;
import dev.capflow.grpc.ChannelReResolver;
import io.grpc.Channel;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/** Keeps the address list of every downstream channel fresh (see {@link ChannelReResolver}). */
@ApplicationScoped
public class DownstreamChannels {

    private final Channel ingest;
    private final IngestClientConfig ingestConfig;
    private final Channel basket;
    private final BasketClientConfig basketConfig;
    private final Channel exposure;
    private final ExposureClientConfig exposureConfig;
    private final Vertx vertx;
    private List<ChannelReResolver> reResolvers = List.of();

    public DownstreamChannels(@GrpcClient("ingest") Channel ingest, IngestClientConfig ingestConfig,
            @GrpcClient("basket") Channel basket, BasketClientConfig basketConfig,
            @GrpcClient("exposure") Channel exposure, ExposureClientConfig exposureConfig, Vertx vertx) {
        this.ingest = ingest;
        this.ingestConfig = ingestConfig;
        this.basket = basket;
        this.basketConfig = basketConfig;
        this.exposure = exposure;
        this.exposureConfig = exposureConfig;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        reResolvers = List.of(
                new ChannelReResolver(vertx, ingest, ingestConfig.reResolveInterval()),
                new ChannelReResolver(vertx, basket, basketConfig.reResolveInterval()),
                new ChannelReResolver(vertx, exposure, exposureConfig.reResolveInterval()));
    }

    void stop(@Observes ShutdownEvent event) {
        reResolvers.forEach(ChannelReResolver::close);
    }
}
