package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capflow.grpc.shutdown.GrpcDrain;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Channel;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The drain that runs on shutdown (grpc-support's GrpcDrain) on this service's own gRPC server: a live subscription
 * ends at once with UNAVAILABLE, which a subscriber answers by subscribing again elsewhere, and the drain ends as soon
 * as no other call is in flight. GrpcDrainTest shows a slow call finishing OK during a drain.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class GrpcDrainGrpcTest extends GrpcTestBase {

    @GrpcClient("ingest")
    Channel channel;

    @Inject
    GrpcDrain drain;

    @Test
    void aDrainEndsTheLiveSubscriptionWithUnavailable() {
        register("DRN");
        PriceSubscription subscriber = PriceSubscription.start(channel, -1, "DRN");
        // the subscription is live once a tick stored after it reaches it
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            streamTicks(batch(1, tick("DRN", Instant.now(), 10, 1)));
            return !subscriber.received().isEmpty();
        });

        assertThat(drain.drain(Duration.ofSeconds(10)))
                .as("nothing but the subscription was in flight")
                .isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> subscriber.failure() != null);
        Status ended = Status.fromThrowable(subscriber.failure());
        assertThat(ended.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(ended.getDescription()).contains("shutting down");
    }
}
