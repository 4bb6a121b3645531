package dev.capflow.exposure.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.exposure.fake.FakeDownstreams;
import dev.capflow.grpc.auth.MethodRoles;
import dev.capflow.proto.basket.v1.BasketServiceGrpc;
import dev.capflow.proto.exposure.v1.ExposureServiceGrpc;
import dev.capflow.proto.exposure.v1.Shock;
import dev.capflow.proto.exposure.v1.StressModel;
import dev.capflow.proto.exposure.v1.StressRequest;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.testsupport.BearerChannels;
import dev.capflow.testsupport.GrpcAuthMatrix;
import dev.capflow.testsupport.PostgresRedisResource;
import dev.capflow.testsupport.SeenTokens;
import dev.capflow.testsupport.TestTokens;
import io.grpc.Channel;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * exposure-service checks bearer tokens itself (viewer reads and runs stress scenarios, analyst writes the graph)
 * and relays the caller's token to ingest-service (valuation) and basket-service (basket impact).
 */
@QuarkusTest
@QuarkusTestResource(PostgresRedisResource.class)
@QuarkusTestResource(FakeDownstreams.class)
class ExposureAuthTest extends GrpcTestBase {

    @GrpcClient("exposure")
    Channel channel;

    @Inject
    MethodRoles roles;

    @Test
    void everyRpcRefusesBadTokensAndWrongRolesAndAdmitsItsRoles() throws Exception {
        new GrpcAuthMatrix(channel).assertFor(ExposureServiceGrpc.getServiceDescriptor(), roles);
    }

    @Test
    void healthIsOpenAndReflectionNeedsAToken() throws Exception {
        GrpcAuthMatrix matrix = new GrpcAuthMatrix(channel);
        matrix.assertHealthOpen();
        matrix.assertReflectionNeedsAToken(ExposureServiceGrpc.SERVICE_NAME);
    }

    @Test
    void aStressRunRelaysTheViewersTokenToIngestAndBasketService() {
        String viewer = TestTokens.shared().token("viewer");
        SeenTokens seen = FakeDownstreams.seen();
        seen.clear();

        ExposureServiceGrpc.newBlockingStub(BearerChannels.withToken(channel, viewer))
                .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                .stress(StressRequest.newBuilder()
                        .setModel(StressModel.STRESS_MODEL_DEBTRANK)
                        .setAsOf("2025-12-31")
                        .addShocks(Shock.newBuilder().setEntity("openai").setValueChange(-0.5))
                        .build());

        assertThat(seen.calls())
                .extracting(SeenTokens.Seen::method)
                .anyMatch(method -> method.startsWith(IngestServiceGrpc.SERVICE_NAME + "/"))
                .anyMatch(method -> method.startsWith(BasketServiceGrpc.SERVICE_NAME + "/"));
        assertThat(seen.calls())
                .allSatisfy(received -> assertThat(received.authorization()).contains("Bearer " + viewer));
    }
}
