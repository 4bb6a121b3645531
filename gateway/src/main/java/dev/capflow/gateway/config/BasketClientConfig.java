package dev.capflow.gateway.config;

import dev.capflow.grpc.DownstreamPolicy;
import io.smallrye.config.ConfigMapping;

/** Call policy for basket-service (host and port live under quarkus.grpc.clients.basket). */
@ConfigMapping(prefix = "capflow.gateway.basket")
public interface BasketClientConfig extends DownstreamPolicy {}
