package dev.capflow.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capflow.gateway.fake.Answer;
import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.gateway.fake.FakeIngestService;
import dev.capflow.gateway.fake.InjectFakeIngest;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.Instrument;
import dev.capflow.proto.ingest.v1.ListInstrumentsResponse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many clients opening the same new prices stream at once: the fake holds the one ListInstruments call until every
 * opener waits on it, so the count of calls does not depend on timing.
 */
@QuarkusTest
@TestProfile(SharedCheckProfile.class)
@WithTestResource(FakeIngestServer.class)
class SharedCheckTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int OPENERS = 20;

    @InjectFakeIngest
    FakeIngestService fake;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    LiveTopics topics;

    @Inject
    SharedChecks checks;

    @TestHTTPResource("/")
    URL base;

    private final ExecutorService openers = Executors.newFixedThreadPool(OPENERS);
    private final List<SseTestClient> opened = new ArrayList<>();

    @BeforeEach
    void resetDownstream() {
        fake.reset();
        breakers.resetAll();
    }

    @AfterEach
    void closeClients() {
        opened.forEach(SseTestClient::close);
        openers.shutdownNow();
    }

    @Test
    void simultaneousOpenersShareOneSymbolCheckAndOneUpstreamStream() {
        CompletableFuture<Void> release = new CompletableFuture<>();
        fake.script(
                IngestServiceGrpc.getListInstrumentsMethod(),
                known("AMZN", "META").heldUntil(release));

        List<Future<SseTestClient>> opening = openAtOnce("meta,AMZN");
        await().atMost(WAIT).until(() -> checks.waiting("prices:AMZN,META") == OPENERS);
        release.complete(null);

        List<SseTestClient> clients = opened(opening);
        assertThat(clients).extracting(SseTestClient::status).containsOnly(200);
        var call = fake.live()
                .next(
                        IngestServiceGrpc.getSubscribePricesMethod(),
                        request -> request.getSymbolsList().equals(List.of("AMZN", "META")),
                        WAIT);
        await().atMost(WAIT).until(() -> topics.clientCount("prices:AMZN,META") == OPENERS);
        call.send(LiveStreamsTest.tick("META", 612.5));
        for (SseTestClient client : clients) {
            SseTestClient.Frame event = client.nextEvent(WAIT);
            assertThat(event.event()).isEqualTo("tick");
            assertThat(event.data()).contains("\"symbol\":\"META\"", "\"price\":612.5");
        }
        assertThat(fake.requests(IngestServiceGrpc.getListInstrumentsMethod()))
                .as("one symbol check for every opener")
                .hasSize(1);
        assertThat(fake.requests(IngestServiceGrpc.getSubscribePricesMethod()))
                .as("one upstream stream")
                .hasSize(1);
    }

    @Test
    void everySimultaneousOpenerOfAnUnknownSymbolGetsTheErrorAndALaterOpenerChecksAgain() {
        CompletableFuture<Void> release = new CompletableFuture<>();
        fake.script(IngestServiceGrpc.getListInstrumentsMethod(), known("AAPL").heldUntil(release));

        List<Future<SseTestClient>> opening = openAtOnce("AAPL,QQQX");
        await().atMost(WAIT).until(() -> checks.waiting("prices:AAPL,QQQX") == OPENERS);
        release.complete(null);

        for (SseTestClient client : opened(opening)) {
            assertThat(client.status()).isEqualTo(400);
            assertThat(client.body()).contains("unknown symbol QQQX", "urn:capflow:problem:invalid-request");
        }
        assertThat(fake.requests(IngestServiceGrpc.getListInstrumentsMethod())).hasSize(1);
        assertThat(checks.waiting("prices:AAPL,QQQX")).isZero();

        // the refusal is not remembered: once QQQX is listed, the next opener is checked again and streams
        fake.script(IngestServiceGrpc.getListInstrumentsMethod(), known("AAPL", "QQQX"));
        SseTestClient later = open("AAPL,QQQX");
        opened.add(later);
        assertThat(later.status()).isEqualTo(200);
        assertThat(fake.requests(IngestServiceGrpc.getListInstrumentsMethod())).hasSize(2);
    }

    private List<Future<SseTestClient>> openAtOnce(String symbols) {
        List<Future<SseTestClient>> opening = new ArrayList<>();
        for (int i = 0; i < OPENERS; i++) {
            opening.add(openers.submit(() -> open(symbols)));
        }
        return opening;
    }

    private List<SseTestClient> opened(List<Future<SseTestClient>> opening) {
        for (Future<SseTestClient> client : opening) {
            try {
                opened.add(client.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError("an opener got no answer", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return List.copyOf(opened);
    }

    private SseTestClient open(String symbols) {
        try {
            return SseTestClient.open(base.toURI().resolve("/api/v1/stream/prices?symbols=" + symbols), null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Answer<ListInstrumentsResponse> known(String... symbols) {
        ListInstrumentsResponse.Builder found = ListInstrumentsResponse.newBuilder();
        for (String symbol : symbols) {
            found.addInstruments(Instrument.newBuilder().setSymbol(symbol));
        }
        return Answer.reply(found.build());
    }
}
