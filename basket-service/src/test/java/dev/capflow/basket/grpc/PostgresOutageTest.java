package dev.capflow.basket.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.capflow.basket.fake.FakeIngestServer;
import dev.capflow.proto.basket.v1.CreateBasketRequest;
import dev.capflow.proto.basket.v1.GetBasketRequest;
import dev.capflow.proto.basket.v1.GetPerformanceRequest;
import dev.capflow.proto.basket.v1.ListBasketsRequest;
import dev.capflow.testsupport.PostgresProxyResource;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away and comes back while basket-service runs: every call that needs it answers UNAVAILABLE (which
 * clients may retry), never UNKNOWN or INTERNAL, and the same calls succeed again once it returns, without a restart.
 */
@QuarkusTest
@TestProfile(PostgresProxyProfile.class)
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "3"))
@QuarkusTestResource(FakeIngestServer.class)
class PostgresOutageTest extends GrpcTestBase {

    @AfterEach
    void restorePostgres() {
        PostgresProxyResource.proxy().restore();
    }

    private Status.Code failureOf(Runnable call) {
        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(failure).as("the call must fail while PostgreSQL is away").isNotNull();
        return failure.getStatus().getCode();
    }

    @Test
    void aPostgresOutageIsUnavailableAndTheServiceRecoversWhenItReturns() {
        assertThat(client().getBasket(GetBasketRequest.newBuilder()
                                .setBasketId("team-google")
                                .build())
                        .getBasket()
                        .getName())
                .isEqualTo("Team Google");

        PostgresProxyResource.proxy().cut();
        assertThat(failureOf(() -> client().getBasket(GetBasketRequest.newBuilder()
                        .setBasketId("team-google")
                        .build())))
                .isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(failureOf(() -> client().listBaskets(ListBasketsRequest.getDefaultInstance())))
                .isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(failureOf(() -> client().createBasket(CreateBasketRequest.newBuilder()
                        .setBasket(equalBasket("during-outage", "NVDA", "AMD"))
                        .build())))
                .isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(failureOf(() -> client().getPerformance(GetPerformanceRequest.newBuilder()
                        .setBasketId("team-openai")
                        .setTo("2025-11-28")
                        .build())))
                .as("an answer not cached yet needs the definition")
                .isEqualTo(Status.Code.UNAVAILABLE);

        PostgresProxyResource.proxy().restore();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> client().listBaskets(ListBasketsRequest.getDefaultInstance())
                                .getBasketsCount()
                        >= 2);
        assertThat(client().createBasket(CreateBasketRequest.newBuilder()
                                .setBasket(equalBasket("after-outage", "NVDA", "AMD"))
                                .build())
                        .getBasket()
                        .getVersion())
                .isZero();
        assertThat(client().getPerformance(GetPerformanceRequest.newBuilder()
                                .setBasketId("team-openai")
                                .setTo("2025-11-28")
                                .build())
                        .getTo())
                .isEqualTo("2025-11-28");
    }
}
