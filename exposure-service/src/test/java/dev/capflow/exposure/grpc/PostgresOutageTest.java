package dev.capflow.exposure.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capflow.exposure.fake.FakeDownstreams;
import dev.capflow.proto.exposure.v1.CreateEntityRequest;
import dev.capflow.proto.exposure.v1.GetEntityRequest;
import dev.capflow.proto.exposure.v1.ListEdgesRequest;
import dev.capflow.proto.exposure.v1.ListLoopsRequest;
import dev.capflow.proto.exposure.v1.Shock;
import dev.capflow.proto.exposure.v1.StressModel;
import dev.capflow.proto.exposure.v1.StressRequest;
import dev.capflow.testsupport.PostgresProxyResource;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away and comes back while exposure-service runs: every call that needs it answers UNAVAILABLE, never
 * UNKNOWN or INTERNAL, and the same calls succeed again once it returns, without a restart.
 */
@QuarkusTest
@TestProfile(PostgresProxyProfile.class)
@QuarkusTestResource(PostgresRedisResource.class)
@QuarkusTestResource(FakeDownstreams.class)
class PostgresOutageTest extends GrpcTestBase {

    @AfterEach
    void restorePostgres() {
        PostgresProxyResource.proxy().restore();
    }

    @Test
    void aPostgresOutageIsUnavailableAndTheServiceRecoversWhenItReturns() {
        int seeded = client().listEdges(ListEdgesRequest.getDefaultInstance()).getEdgesCount();
        assertThat(seeded).isPositive();

        PostgresProxyResource.proxy().cut();
        failure(Status.Code.UNAVAILABLE, () -> client().listEdges(ListEdgesRequest.getDefaultInstance()));
        failure(
                Status.Code.UNAVAILABLE,
                () -> client().getEntity(GetEntityRequest.newBuilder()
                        .setEntityId("openai")
                        .build()));
        failure(
                Status.Code.UNAVAILABLE,
                () -> client().createEntity(CreateEntityRequest.newBuilder()
                        .setEntity(privateEntity("during-outage", 1e9))
                        .build()));
        failure(Status.Code.UNAVAILABLE, () -> client().listLoops(ListLoopsRequest.getDefaultInstance()));
        failure(
                Status.Code.UNAVAILABLE,
                () -> client().stress(StressRequest.newBuilder()
                        .setModel(StressModel.STRESS_MODEL_DEBTRANK)
                        .addShocks(Shock.newBuilder().setEntity("openai").setValueChange(-0.5))
                        .build()));

        PostgresProxyResource.proxy().restore();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> client().listEdges(ListEdgesRequest.getDefaultInstance())
                                .getEdgesCount()
                        == seeded);
        assertThat(client().createEntity(CreateEntityRequest.newBuilder()
                                .setEntity(privateEntity("after-outage", 1e9))
                                .build())
                        .getEntity()
                        .getVersion())
                .isZero();
    }
}
