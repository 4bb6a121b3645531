package dev.capflow.exposure.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capflow.exposure.fake.FakeDownstreams;
import dev.capflow.proto.exposure.v1.ExposureServiceGrpc;
import dev.capflow.proto.exposure.v1.ListLoopsRequest;
import dev.capflow.proto.exposure.v1.Shock;
import dev.capflow.proto.exposure.v1.StressModel;
import dev.capflow.proto.exposure.v1.StressRequest;
import dev.capflow.proto.exposure.v1.StressResponse;
import dev.capflow.testsupport.CancelledCallsCheck;
import dev.capflow.testsupport.CancelledCallsCheck.StreamRecorder;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Calls that hit their deadline or are cancelled never take down the connection they share (quarkusio/quarkus#56268,
 * fixed by the grpc-java server on its own port). exposure-service has no server stream of its own: on one plain
 * Netty channel, a reflection stream (kept open by the check) and a slow Stress call in flight (ingest-service's
 * answer delayed) survive 50 rounds of doomed ListLoops calls, as do the normal calls.
 */
@QuarkusTest
@QuarkusTestResource(PostgresRedisResource.class)
@QuarkusTestResource(FakeDownstreams.class)
class CancelledCallsGrpcTest extends GrpcTestBase {

    private static final int ROUNDS = 50;

    @Test
    void doomedCallsLeaveOtherCallsAndTheOpenStreamOnTheSameConnectionAlone() throws Exception {
        ListLoopsRequest loops =
                ListLoopsRequest.newBuilder().setAsOf("2025-12-31").build();
        int expectedLoops = client().listLoops(loops).getLoopsCount();
        try (CancelledCallsCheck check = CancelledCallsCheck.onTestServer()) {
            int pricesAsked = FakeDownstreams.ingest().priceCalls();
            FakeDownstreams.ingest().delayNextPriceCall(Duration.ofMillis(800));
            StreamRecorder<StressResponse> slow = new StreamRecorder<>();
            ExposureServiceGrpc.newStub(check.channel())
                    .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                    .stress(
                            StressRequest.newBuilder()
                                    .setModel(StressModel.STRESS_MODEL_CROSS_HOLDINGS)
                                    .setAsOf("2025-12-31")
                                    .addShocks(Shock.newBuilder()
                                            .setEntity("openai")
                                            .setValueChange(-0.5))
                                    .build(),
                            slow);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> FakeDownstreams.ingest().priceCalls() > pricesAsked);

            CancelledCallsCheck.Outcome outcome =
                    check.run(ROUNDS, ExposureServiceGrpc.getListLoopsMethod(), loops, loops, () -> {});

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
            assertThat(slow.awaitEnd(DEADLINE_SECONDS)).isTrue();
            assertThat(slow.failure()).as("the slow Stress call in flight").isNull();
            assertThat(slow.messages())
                    .singleElement()
                    .satisfies(answer -> assertThat(answer.getEntitiesList()).isNotEmpty());
            assertThat(client().listLoops(loops).getLoopsCount()).isEqualTo(expectedLoops);

            assertThat(check.unknownMethodStatus("capflow.exposure.v1.ExposureService")
                            .getCode())
                    .isEqualTo(Status.Code.UNIMPLEMENTED);
        }
    }
}
