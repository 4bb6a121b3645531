package dev.capflow.exposure.health;

import dev.capflow.exposure.config.ExposureConfig;
import dev.capflow.grpc.health.DownstreamReadiness;
import dev.capflow.proto.basket.v1.BasketServiceGrpc;
import io.grpc.Channel;
import io.quarkus.grpc.GrpcClient;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.Readiness;

/** basket-service in the readiness data: "up" or "degraded", never DOWN. */
@Readiness
@Singleton
public class BasketReadiness extends DownstreamReadiness {

    public BasketReadiness(@GrpcClient("basket") Channel channel, ExposureConfig config) {
        super(
                "basket-service",
                BasketServiceGrpc.SERVICE_NAME,
                channel,
                config.basket().healthDeadline());
    }
}
