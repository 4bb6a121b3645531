package dev.capflow.basket.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capflow.basket.fake.FakeIngestServer;
import dev.capflow.proto.basket.v1.BasketServiceGrpc;
import dev.capflow.proto.basket.v1.CreateBasketRequest;
import dev.capflow.proto.basket.v1.GetPerformanceRequest;
import dev.capflow.proto.basket.v1.GetPerformanceResponse;
import dev.capflow.testsupport.CancelledCallsCheck;
import dev.capflow.testsupport.CancelledCallsCheck.StreamRecorder;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * basket-service's calls to ingest-service carry a per-call deadline, and one that times out fails only its own
 * request: while ingest-service leaves one basket's history read unanswered, other performance requests on the same
 * ingest channel succeed, and the hung read is cancelled at ingest-service once its deadline (the history read's, 8s in this test's profile, ample for the other requests to arrive meanwhile) passes.
 */
@QuarkusTest
@TestProfile(ShortHistoryDeadlineProfile.class)
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "3"))
@QuarkusTestResource(FakeIngestServer.class)
class DownstreamDeadlineGrpcTest extends GrpcTestBase {

    private static final int OTHER_REQUESTS = 10;

    @Test
    void aHungDownstreamReadFailsOnlyItsOwnRequest() throws Exception {
        FakeIngestServer.service().addClose("HUNG", "2025-10-29", 10);
        FakeIngestServer.service().addClose("HUNG", "2025-10-30", 11);
        client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(equalBasket("hung-basket", "NVDA", "HUNG"))
                .build());
        FakeIngestServer.service().hang("HUNG");

        // warm: the first answer loads code paths that would otherwise make the requests below slow to start
        client().getPerformance(GetPerformanceRequest.newBuilder()
                .setBasketId("team-google")
                .build());

        try (CancelledCallsCheck check = CancelledCallsCheck.onTestServer()) {
            BasketServiceGrpc.BasketServiceStub stub = BasketServiceGrpc.newStub(check.channel());
            StreamRecorder<GetPerformanceResponse> hung = new StreamRecorder<>();
            stub.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                    .getPerformance(
                            GetPerformanceRequest.newBuilder()
                                    .setBasketId("hung-basket")
                                    .build(),
                            hung);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> FakeIngestServer.service().streamRequests().stream()
                            .anyMatch(request -> request.getSymbolsList().contains("HUNG")));

            int readsBefore = FakeIngestServer.service().streamRequests().size();
            List<StreamRecorder<GetPerformanceResponse>> others = new ArrayList<>();
            LocalDate to = LocalDate.parse("2025-12-01");
            for (int i = 0; i < OTHER_REQUESTS; i++) {
                StreamRecorder<GetPerformanceResponse> other = new StreamRecorder<>();
                // a window of its own for each request, so none is answered from a cache without asking ingest-service
                stub.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                        .getPerformance(
                                GetPerformanceRequest.newBuilder()
                                        .setBasketId("team-google")
                                        .setTo(to.plusDays(i).toString())
                                        .build(),
                                other);
                others.add(other);
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> FakeIngestServer.service().streamRequests().size() - readsBefore >= OTHER_REQUESTS);
            assertThat(hung.hasEnded())
                    .as("the other requests' history reads reached ingest-service on the shared channel"
                            + " while the hung read was in flight")
                    .isFalse();
            for (StreamRecorder<GetPerformanceResponse> other : others) {
                assertThat(other.awaitEnd(DEADLINE_SECONDS)).isTrue();
                assertThat(other.failure())
                        .as("a request answered while another's downstream read hung")
                        .isNull();
                assertThat(other.messages())
                        .singleElement()
                        .satisfies(answer -> assertThat(answer.getSeriesList()).isNotEmpty());
            }

            assertThat(hung.awaitEnd(DEADLINE_SECONDS))
                    .as("the hung request ends before the caller's deadline")
                    .isTrue();
            assertThat(hung.failure().getCode())
                    .as("the hung request's status: " + hung.failure())
                    .isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(FakeIngestServer.service().hungCallsCancelled())
                    .as("the hung read was cancelled at ingest-service when its deadline passed")
                    .isGreaterThanOrEqualTo(1);
        }
    }
}
