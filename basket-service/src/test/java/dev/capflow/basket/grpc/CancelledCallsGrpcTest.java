package dev.capflow.basket.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capflow.basket.fake.FakeIngestServer;
import dev.capflow.proto.basket.v1.BasketServiceGrpc;
import dev.capflow.proto.basket.v1.GetBasketRequest;
import dev.capflow.proto.basket.v1.WatchBasketRequest;
import dev.capflow.proto.basket.v1.WatchBasketResponse;
import dev.capflow.redis.PriceStreamEntries;
import dev.capflow.testsupport.CancelledCallsCheck;
import dev.capflow.testsupport.CancelledCallsCheck.StreamRecorder;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Calls that hit their deadline or are cancelled never take down the connection they share (quarkusio/quarkus#56268,
 * fixed by the grpc-java server on its own port): on one plain Netty channel a WatchBasket stream and normal calls
 * survive 50 rounds of doomed GetBasket calls, and the stream follows the ticks published meanwhile to the last one.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "3"))
@QuarkusTestResource(FakeIngestServer.class)
class CancelledCallsGrpcTest extends GrpcTestBase {

    private static final int ROUNDS = 50;

    @Test
    void doomedCallsLeaveOtherCallsAndTheOpenStreamOnTheSameConnectionAlone() throws Exception {
        GetBasketRequest basket =
                GetBasketRequest.newBuilder().setBasketId("team-google").build();
        try (CancelledCallsCheck check = CancelledCallsCheck.onTestServer()) {
            StreamRecorder<WatchBasketResponse> watch = new StreamRecorder<>();
            BasketServiceGrpc.newStub(check.channel())
                    .withDeadlineAfter(2, TimeUnit.MINUTES)
                    .watchBasket(
                            WatchBasketRequest.newBuilder()
                                    .setBasketId("team-google")
                                    .build(),
                            watch);
            assertThat(watch.awaitMessages(1, DEADLINE_SECONDS))
                    .as("the starting level")
                    .isTrue();

            AtomicInteger round = new AtomicInteger();
            Instant start = Instant.now();
            CancelledCallsCheck.Outcome outcome = check.run(
                    ROUNDS,
                    BasketServiceGrpc.getGetBasketMethod(),
                    basket,
                    basket,
                    () -> tick(round.incrementAndGet(), start));

            assertThat(outcome.normalFailures())
                    .as("normal calls that failed on the shared connection")
                    .isEmpty();
            assertThat(outcome.doomedCallsCut())
                    .as("doomed calls that really hit their deadline or were cancelled: " + outcome.doomedOutcomes())
                    .isGreaterThan(ROUNDS);
            assertThat(outcome.reflectionAnswers())
                    .as("reflection requests answered on the open stream")
                    .isEqualTo(ROUNDS);
            assertThat(outcome.reflectionFailure())
                    .as("how the reflection stream ended")
                    .isNull();
            // levels are coalesced per watch interval: the stream must reach the level of the last tick
            Instant lastTick = start.plusMillis(ROUNDS);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> last(watch.messages()).getTs().getSeconds() == lastTick.getEpochSecond()
                            && last(watch.messages()).getTs().getNanos() == lastTick.getNano());
            assertThat(watch.messages()).as("levels moved by the ticks").hasSizeGreaterThan(1);
            assertThat(watch.hasEnded())
                    .as("the watch stream ended early: " + watch.failure())
                    .isFalse();

            assertThat(check.unknownMethodStatus("capflow.basket.v1.BasketService")
                            .getCode())
                    .isEqualTo(Status.Code.UNIMPLEMENTED);
        }
    }

    /** Tick {@code n} of LITE, a team-google member, at {@code start + n ms} on the price stream. */
    private static void tick(int n, Instant start) {
        PostgresRedisResource.datastores()
                .redisCommand(
                        "XADD",
                        PriceStreamEntries.DEFAULT_SHARDING.keyFor("LITE"),
                        "*",
                        "symbol",
                        "LITE",
                        "price",
                        Double.toString(100 + n),
                        "size",
                        "1",
                        "ts",
                        start.plusMillis(n).toString(),
                        "origin",
                        "test");
    }

    private static WatchBasketResponse last(List<WatchBasketResponse> messages) {
        return messages.get(messages.size() - 1);
    }
}
