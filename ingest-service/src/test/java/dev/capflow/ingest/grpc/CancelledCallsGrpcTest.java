package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capflow.proto.ingest.v1.GetBarsRequest;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.Tick;
import dev.capflow.testsupport.CancelledCallsCheck;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Calls that hit their deadline or are cancelled never take down the connection they share (quarkusio/quarkus#56268,
 * fixed by the grpc-java server on its own port): on one plain Netty channel a live SubscribePrices stream and
 * normal calls survive 50 rounds of doomed GetBars calls, and the stream delivers every tick stored meanwhile.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class CancelledCallsGrpcTest extends GrpcTestBase {

    private static final int ROUNDS = 50;
    private static final Instant FIRST_TICK = Instant.parse("2026-03-02T15:00:00Z");

    @Test
    void doomedCallsLeaveOtherCallsAndTheOpenStreamOnTheSameConnectionAlone() throws Exception {
        storeHistory("CXL", 300);
        GetBarsRequest history = GetBarsRequest.newBuilder().setSymbol("CXL").build();

        try (CancelledCallsCheck check = CancelledCallsCheck.onTestServer()) {
            PriceSubscription live = PriceSubscription.start(check.channel(), -1, "CXL");
            streamTicks(batch(1, tick("CXL", FIRST_TICK, 50, 1)));
            await().atMost(Duration.ofSeconds(10)).until(() -> live.received().size() == 1);

            AtomicInteger round = new AtomicInteger();
            CancelledCallsCheck.Outcome outcome =
                    check.run(ROUNDS, IngestServiceGrpc.getGetBarsMethod(), history, history, () -> {
                        int n = round.incrementAndGet();
                        streamTicks(batch(1, tick("CXL", FIRST_TICK.plusSeconds(n), 50 + n, 1)));
                    });

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
            await().atMost(Duration.ofSeconds(10)).until(() -> live.received().size() == ROUNDS + 1);
            assertThat(live.received())
                    .extracting(Tick::getPrice)
                    .as("every tick, in order, once")
                    .containsExactlyElementsOf(expectedPrices());
            assertThat(live.failure()).as("the live price stream failed").isNull();
            live.cancel();

            assertThat(check.unknownMethodStatus("capflow.ingest.v1.IngestService")
                            .getCode())
                    .isEqualTo(Status.Code.UNIMPLEMENTED);
        }
    }

    private static List<Double> expectedPrices() {
        List<Double> prices = new ArrayList<>();
        for (int n = 0; n <= ROUNDS; n++) {
            prices.add(50.0 + n);
        }
        return prices;
    }
}
