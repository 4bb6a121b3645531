package dev.capflow.basket.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.basket.fake.FakeIngestServer;
import dev.capflow.grpc.auth.MethodRoles;
import dev.capflow.proto.basket.v1.BasketServiceGrpc;
import dev.capflow.proto.basket.v1.CreateBasketRequest;
import dev.capflow.proto.basket.v1.WatchBasketRequest;
import dev.capflow.proto.basket.v1.WatchBasketResponse;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.testsupport.BearerChannels;
import dev.capflow.testsupport.GrpcAuthMatrix;
import dev.capflow.testsupport.PostgresRedisResource;
import dev.capflow.testsupport.SeenTokens;
import dev.capflow.testsupport.TestTokens;
import io.grpc.Channel;
import io.grpc.Context;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * basket-service checks bearer tokens itself (viewer reads, analyst writes baskets) and relays the caller's token to
 * ingest-service for the work it does on the caller's behalf, across its database and Redis steps.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "3"))
@QuarkusTestResource(FakeIngestServer.class)
class BasketAuthTest extends GrpcTestBase {

    @GrpcClient("basket")
    Channel channel;

    @Inject
    MethodRoles roles;

    @Test
    void everyRpcRefusesBadTokensAndWrongRolesAndAdmitsItsRoles() throws Exception {
        new GrpcAuthMatrix(channel).assertFor(BasketServiceGrpc.getServiceDescriptor(), roles);
    }

    @Test
    void healthIsOpenAndReflectionNeedsAToken() throws Exception {
        GrpcAuthMatrix matrix = new GrpcAuthMatrix(channel);
        matrix.assertHealthOpen();
        matrix.assertReflectionNeedsAToken(BasketServiceGrpc.SERVICE_NAME);
    }

    @Test
    void aCreateRelaysTheAnalystsTokenToIngest() {
        String analyst = TestTokens.shared().token("analyst");
        SeenTokens seen = FakeIngestServer.seen();
        seen.clear();

        BasketServiceGrpc.newBlockingStub(BearerChannels.withToken(channel, analyst))
                .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                .createBasket(CreateBasketRequest.newBuilder()
                        .setBasket(equalBasket("relayed-create", "NVDA", "AVGO"))
                        .build());

        assertThat(seen.of(IngestServiceGrpc.getListInstrumentsMethod().getFullMethodName()))
                .isNotEmpty()
                .containsOnly(Optional.of("Bearer " + analyst));
    }

    @Test
    void aWatchRelaysTheViewersTokenToIngestAfterItsDatabaseAndRedisSteps() throws Exception {
        String viewer = TestTokens.shared().token("viewer");
        SeenTokens seen = FakeIngestServer.seen();
        seen.clear();
        Context.CancellableContext call = Context.current().withCancellation();
        try {
            Iterator<WatchBasketResponse> watcher =
                    call.call(() -> BasketServiceGrpc.newBlockingStub(BearerChannels.withToken(channel, viewer))
                            .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                            .watchBasket(WatchBasketRequest.newBuilder()
                                    .setBasketId("team-openai")
                                    .build()));
            assertThat(watcher.next().getBasketId()).isEqualTo("team-openai");
        } finally {
            call.cancel(null);
        }

        assertThat(seen.of(IngestServiceGrpc.getGetLatestPricesMethod().getFullMethodName()))
                .isNotEmpty()
                .containsOnly(Optional.of("Bearer " + viewer));
        assertThat(seen.calls())
                .allSatisfy(received -> assertThat(received.authorization()).contains("Bearer " + viewer));
    }
}
