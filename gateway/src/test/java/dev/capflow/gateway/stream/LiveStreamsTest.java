package dev.capflow.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Timestamp;
import dev.capflow.gateway.fake.Answer;
import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.gateway.fake.FakeIngestService;
import dev.capflow.gateway.fake.InjectFakeIngest;
import dev.capflow.gateway.fake.LiveCalls;
import dev.capflow.gateway.stream.SseTestClient.Frame;
import dev.capflow.proto.basket.v1.Basket;
import dev.capflow.proto.basket.v1.BasketServiceGrpc;
import dev.capflow.proto.basket.v1.GetBasketResponse;
import dev.capflow.proto.basket.v1.WatchBasketRequest;
import dev.capflow.proto.basket.v1.WatchBasketResponse;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.Instrument;
import dev.capflow.proto.ingest.v1.ListInstrumentsResponse;
import dev.capflow.proto.ingest.v1.SubscribePricesRequest;
import dev.capflow.proto.ingest.v1.SubscribePricesResponse;
import dev.capflow.proto.ingest.v1.Tick;
import dev.capflow.proto.ingest.v1.TickGap;
import dev.capflow.proto.ingest.v1.TicksMayBeLost;
import dev.capflow.testsupport.TestTokens;
import io.grpc.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SSE routes against the fake services' live server streams: ordered events with ids from one shared upstream
 * call made with the gateway's own identity, resumption with Last-Event-ID, resets, gaps, heartbeats, a stalled client,
 * upstream failure and recovery, and the refusals before a stream starts.
 */
@QuarkusTest
@WithTestResource(FakeIngestServer.class)
class LiveStreamsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @InjectFakeIngest
    FakeIngestService fake;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    LiveTopics topics;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void resetDownstream() {
        fake.reset();
        breakers.resetAll();
    }

    private URI uri(String pathAndQuery) {
        try {
            return base.toURI().resolve(pathAndQuery);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void knownSymbols(String... symbols) {
        ListInstrumentsResponse.Builder found = ListInstrumentsResponse.newBuilder();
        for (String symbol : symbols) {
            found.addInstruments(Instrument.newBuilder().setSymbol(symbol));
        }
        fake.script(IngestServiceGrpc.getListInstrumentsMethod(), Answer.reply(found.build()));
    }

    private SseTestClient prices(String symbols, String lastEventId) {
        SseTestClient client = SseTestClient.open(uri("/api/v1/stream/prices?symbols=" + symbols), lastEventId);
        assertThat(client.status()).as("status of the stream of %s", symbols).isEqualTo(200);
        assertThat(client.header("Content-Type")).startsWith("text/event-stream");
        return client;
    }

    private LiveCalls.Call<SubscribePricesRequest, SubscribePricesResponse> priceCall(String... symbols) {
        return fake.live()
                .next(
                        IngestServiceGrpc.getSubscribePricesMethod(),
                        request -> request.getSymbolsList().equals(List.of(symbols)),
                        WAIT);
    }

    private void awaitClients(String key, int count) {
        await().atMost(WAIT).until(() -> topics.clientCount(key) == count);
    }

    static SubscribePricesResponse tick(String symbol, double price) {
        return SubscribePricesResponse.newBuilder()
                .setTick(Tick.newBuilder()
                        .setSymbol(symbol)
                        .setPrice(price)
                        .setTs(Timestamp.newBuilder().setSeconds(1_761_750_000L))
                        .setSize(10))
                .build();
    }

    private static long seq(Frame frame) {
        return EventId.parse(frame.id()).seq();
    }

    @Test
    void eventsArriveInOrderWithIdsFromOneUpstreamCallSharedByEveryClient() {
        knownSymbols("GOOGL", "NVDA");
        try (SseTestClient first = prices("NVDA,GOOGL", null);
                SseTestClient second = prices("googl,nvda", null)) {
            var call = priceCall("GOOGL", "NVDA");
            awaitClients("prices:GOOGL,NVDA", 2);
            call.send(tick("NVDA", 201.5), tick("GOOGL", 270.25), tick("NVDA", 202));

            for (SseTestClient client : List.of(first, second)) {
                List<Frame> events = client.events(3, WAIT);
                assertThat(events).extracting(Frame::event).containsOnly("tick");
                assertThat(events).extracting(LiveStreamsTest::seq).containsExactly(1L, 2L, 3L);
                assertThat(events.get(1).data())
                        .isEqualTo(
                                "{\"symbol\":\"GOOGL\",\"price\":270.25,\"ts\":\"2025-10-29T15:00:00Z\",\"size\":10}");
                assertThat(events.get(2).data()).contains("\"price\":202.0");
            }
        }
        assertThat(fake.requests(IngestServiceGrpc.getSubscribePricesMethod()))
                .as("one upstream call")
                .hasSize(1);
        assertThat(fake.requests(IngestServiceGrpc.getListInstrumentsMethod()))
                .as("checked once")
                .hasSize(1);
    }

    @Test
    void aClientResumingWithLastEventIdGetsWhatItMissedThenLiveEvents() {
        knownSymbols("MSFT");
        String lastSeen;
        LiveCalls.Call<SubscribePricesRequest, SubscribePricesResponse> call;
        try (SseTestClient client = prices("MSFT", null)) {
            call = priceCall("MSFT");
            awaitClients("prices:MSFT", 1);
            call.send(tick("MSFT", 1), tick("MSFT", 2));
            lastSeen = client.events(2, WAIT).get(1).id();
        }
        awaitClients("prices:MSFT", 0);
        call.send(tick("MSFT", 3), tick("MSFT", 4));

        try (SseTestClient resumed = prices("MSFT", lastSeen)) {
            awaitClients("prices:MSFT", 1);
            call.send(tick("MSFT", 5));
            List<Frame> events = resumed.events(3, WAIT);
            assertThat(events).extracting(LiveStreamsTest::seq).containsExactly(3L, 4L, 5L);
            assertThat(events.get(0).data()).contains("\"price\":3.0");
        }
        // the query parameter does the same for EventSource polyfills
        try (SseTestClient polyfill =
                SseTestClient.open(uri("/api/v1/stream/prices?symbols=MSFT&lastEventId=" + lastSeen), null)) {
            assertThat(polyfill.events(3, WAIT))
                    .extracting(LiveStreamsTest::seq)
                    .containsExactly(3L, 4L, 5L);
        }
        assertThat(fake.requests(IngestServiceGrpc.getSubscribePricesMethod()))
                .as("the stream lingered")
                .hasSize(1);
    }

    @Test
    void anIdOlderThanTheBufferOrFromAnotherStreamGetsAResetCarryingTheCurrentId() {
        knownSymbols("AMD");
        String first;
        LiveCalls.Call<SubscribePricesRequest, SubscribePricesResponse> call;
        try (SseTestClient client = prices("AMD", null)) {
            call = priceCall("AMD");
            awaitClients("prices:AMD", 1);
            for (int i = 1; i <= 12; i++) {
                call.send(tick("AMD", i));
            }
            List<Frame> events = client.events(12, WAIT);
            first = events.get(0).id();
            assertThat(seq(events.get(11))).isEqualTo(12);
        }
        // %test keeps 8 events: after event 1 came 2..12, and 2..4 are gone
        for (String stale : List.of(first, "0-1", "not-an-id")) {
            try (SseTestClient client = prices("AMD", stale)) {
                Frame reset = client.nextEvent(WAIT);
                assertThat(reset.event()).isEqualTo("reset");
                assertThat(seq(reset)).isEqualTo(12);
                assertThat(reset.data()).contains("read the current state again");
            }
        }
        try (SseTestClient client = prices("AMD", first.replace("-1", "-4"))) {
            assertThat(client.nextEvent(WAIT).event())
                    .as("event 5 is the oldest kept, 4 is still resumable")
                    .isEqualTo("tick");
        }
    }

    @Test
    void aQuietStreamGetsHeartbeatComments() {
        knownSymbols("ORCL");
        try (SseTestClient client = prices("ORCL", null)) {
            assertThat(client.next(WAIT).comment())
                    .as("the retry hint comes first")
                    .startsWith("retry: ");
            assertThat(client.next(WAIT).comment()).isEqualTo("heartbeat");
            assertThat(client.next(WAIT).comment()).isEqualTo("heartbeat");
        }
    }

    @Test
    void aStalledClientIsDisconnectedWhileAnotherGetsEveryEventInOrder() throws IOException {
        knownSymbols("AVGO");
        try (Socket stalled = new Socket();
                SseTestClient reader = prices("AVGO", null)) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            OutputStream out = stalled.getOutputStream();
            out.write(
                    ("GET /api/v1/stream/prices?symbols=AVGO HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                                    + "Authorization: " + TestTokens.shared().bearer("viewer") + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var call = priceCall("AVGO");
            awaitClients("prices:AVGO", 2);

            // each batch is read back before the next, so the gateway has written it to both clients by then
            int sent = 0;
            while (topics.clientCount("prices:AVGO") == 2 && sent < 400_000) {
                for (int i = 0; i < 1000; i++) {
                    call.send(tick("AVGO", ++sent));
                }
                List<Frame> events = reader.events(1000, WAIT);
                for (int i = 0; i < 1000; i++) {
                    assertThat(seq(events.get(i))).isEqualTo(sent - 999 + i);
                }
            }
            assertThat(topics.clientCount("prices:AVGO"))
                    .as("the stalled client was dropped after %d events", sent)
                    .isEqualTo(1);
            call.send(tick("AVGO", ++sent));
            assertThat(seq(reader.nextEvent(WAIT))).as("the other goes on").isEqualTo(sent);
            assertThat(readsToEnd(stalled))
                    .as("the gateway closed the stalled connection")
                    .isTrue();
        }
    }

    /** Drains the socket; true when it reaches end of stream (closed by the server) or a reset. */
    private static boolean readsToEnd(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        byte[] chunk = new byte[65536];
        try {
            while (in.read(chunk) >= 0) {
                // discard
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Test
    void anUpstreamFailureIsAnnouncedAndTheStreamReconnectsAndGoesOn() {
        knownSymbols("TSM");
        try (SseTestClient client = prices("TSM", null)) {
            var call = priceCall("TSM");
            awaitClients("prices:TSM", 1);
            call.send(tick("TSM", 1));
            assertThat(seq(client.nextEvent(WAIT))).isEqualTo(1);

            call.fail(Status.UNAVAILABLE);
            Frame lost = client.nextEvent(WAIT);
            assertThat(lost.event()).isEqualTo("upstream");
            assertThat(lost.data()).contains("\"state\":\"reconnecting\"", "\"reason\":\"UNAVAILABLE\"");
            assertThat(lost.id()).as("status events carry no id").isNull();

            var again = priceCall("TSM");
            again.send(tick("TSM", 2));
            Frame live = client.nextEvent(WAIT);
            assertThat(live.event()).isEqualTo("upstream");
            assertThat(live.data()).isEqualTo("{\"state\":\"live\"}");
            Frame next = client.nextEvent(WAIT);
            assertThat(next.event()).isEqualTo("tick");
            assertThat(seq(next)).as("ids go on").isEqualTo(2);
            assertThat(next.data()).contains("\"price\":2.0");
        }
    }

    @Test
    void aFailureAboutTheRequestEndsTheStream() {
        knownSymbols("ASML");
        try (SseTestClient client = prices("ASML", null)) {
            priceCall("ASML").fail(Status.PERMISSION_DENIED);
            Frame end = client.nextEvent(WAIT);
            assertThat(end.event()).isEqualTo("end");
            assertThat(end.data()).contains("PERMISSION_DENIED");
            assertThat(client.nextEvent(WAIT)).isSameAs(Frame.END);
        }
    }

    @Test
    void theUpstreamCallIsCancelledOnceTheLastClientHasLeftForTheLinger() {
        knownSymbols("INTC");
        LiveCalls.Call<SubscribePricesRequest, SubscribePricesResponse> call;
        try (SseTestClient client = prices("INTC", null)) {
            call = priceCall("INTC");
            awaitClients("prices:INTC", 1);
        }
        await().atMost(WAIT).until(call::isCancelled);
        assertThat(topics.isOpen("prices:INTC")).isFalse();
    }

    @Test
    void badOrUnknownSymbolsAre400BeforeTheStreamStarts() {
        SseTestClient none = SseTestClient.open(uri("/api/v1/stream/prices?symbols=,"), null);
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(none.body()).contains("\"field\":\"symbols\"");

        knownSymbols("NVDA");
        SseTestClient unknown = SseTestClient.open(uri("/api/v1/stream/prices?symbols=NVDA,XYZ"), null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown symbol XYZ", "urn:capflow:problem:invalid-request");
        assertThat(fake.requests(IngestServiceGrpc.getSubscribePricesMethod())).isEmpty();
    }

    @Test
    void aServiceThatIsDownBeforeTheStreamStartsIs503() {
        fake.script(
                IngestServiceGrpc.getListInstrumentsMethod(),
                Answer.fail(Status.UNAVAILABLE),
                Answer.fail(Status.UNAVAILABLE),
                Answer.fail(Status.UNAVAILABLE));
        SseTestClient refused = SseTestClient.open(uri("/api/v1/stream/prices?symbols=QCOM"), null);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body()).contains("urn:capflow:problem:upstream-unavailable");
    }

    @Test
    void anUnknownBasketIs404() {
        fake.script(
                BasketServiceGrpc.getGetBasketMethod(),
                Answer.fail(Status.NOT_FOUND.withDescription("no basket nope")));
        SseTestClient refused = SseTestClient.open(uri("/api/v1/stream/baskets/nope"), null);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(refused.body()).contains("no basket nope");
        assertThat(fake.requests(BasketServiceGrpc.getWatchBasketMethod())).isEmpty();
    }

    @Test
    void aMalformedBasketIdIs400NamingIdBeforeAnyServiceIsAsked() {
        for (String id : List.of("Team-Google", "%252e%252e", "a".repeat(65), "a%00b")) {
            SseTestClient refused = SseTestClient.open(uri("/api/v1/stream/baskets/" + id), null);
            assertThat(refused.status()).as(id).isEqualTo(400);
            assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(refused.body()).as(id).contains("\"field\":\"id\"", "urn:capflow:problem:invalid-request");
        }
        assertThat(fake.requests(BasketServiceGrpc.getGetBasketMethod())).isEmpty();
        assertThat(fake.requests(BasketServiceGrpc.getWatchBasketMethod())).isEmpty();
    }

    @Test
    void basketLevelsStreamAndALateClientStartsFromTheLatestLevel() {
        fake.script(
                BasketServiceGrpc.getGetBasketMethod(),
                Answer.reply(GetBasketResponse.newBuilder()
                        .setBasket(Basket.newBuilder().setId("team-google"))
                        .build()));
        try (SseTestClient first = SseTestClient.open(uri("/api/v1/stream/baskets/team-google"), null)) {
            assertThat(first.status()).isEqualTo(200);
            LiveCalls.Call<WatchBasketRequest, WatchBasketResponse> call = fake.live()
                    .next(
                            BasketServiceGrpc.getWatchBasketMethod(),
                            request -> request.getBasketId().equals("team-google"),
                            WAIT);
            awaitClients("basket:team-google", 1);
            call.send(level(101.5), level(102.25));
            List<Frame> events = first.events(2, WAIT);
            assertThat(events).extracting(Frame::event).containsOnly("level");
            assertThat(events.get(1).data())
                    .isEqualTo("{\"basketId\":\"team-google\",\"level\":102.25,"
                            + "\"ts\":\"2025-10-29T15:00:00Z\",\"basketVersion\":3}");

            try (SseTestClient late = SseTestClient.open(uri("/api/v1/stream/baskets/team-google"), null)) {
                Frame latest = late.nextEvent(WAIT);
                assertThat(latest.id()).isEqualTo(events.get(1).id());
                assertThat(latest.data()).contains("102.25");
            }
        }
        assertThat(fake.requests(BasketServiceGrpc.getGetBasketMethod()))
                .as("the open stream was not checked again")
                .hasSize(1);
    }

    @Test
    void aBasketStreamFollowsAnUpdateAndEndsWhenTheBasketIsDeleted() {
        fake.script(
                BasketServiceGrpc.getGetBasketMethod(),
                Answer.reply(GetBasketResponse.newBuilder()
                        .setBasket(Basket.newBuilder().setId("team-google"))
                        .build()));
        try (SseTestClient client = SseTestClient.open(uri("/api/v1/stream/baskets/team-google"), null)) {
            assertThat(client.status()).isEqualTo(200);
            LiveCalls.Call<WatchBasketRequest, WatchBasketResponse> call = fake.live()
                    .next(
                            BasketServiceGrpc.getWatchBasketMethod(),
                            request -> request.getBasketId().equals("team-google"),
                            WAIT);
            awaitClients("basket:team-google", 1);
            call.send(
                    level(101.5),
                    level(99.0).toBuilder().setBasketVersion(4).build(),
                    WatchBasketResponse.newBuilder()
                            .setBasketId("team-google")
                            .setBasketVersion(4)
                            .setDeleted(true)
                            .build());
            call.complete();
            List<Frame> levels = client.events(2, WAIT);
            assertThat(levels).extracting(Frame::event).containsOnly("level");
            assertThat(levels.get(1).data())
                    .as("the level of the updated basket")
                    .contains("\"level\":99.0", "\"basketVersion\":4");
            Frame end = client.nextEvent(WAIT);
            assertThat(end.event()).isEqualTo("end");
            assertThat(end.data()).contains("NOT_FOUND");
            assertThat(client.nextEvent(WAIT)).as("then the stream closes").isSameAs(Frame.END);
        }
        assertThat(topics.isOpen("basket:team-google")).isFalse();
        assertThat(fake.requests(BasketServiceGrpc.getWatchBasketMethod()))
                .as("no reconnect to a deleted basket")
                .hasSize(1);
    }

    @Test
    void aGapAnnouncementBecomesAGapEventInOrderWithTheTicks() {
        knownSymbols("AMAT");
        List<Frame> events;
        try (SseTestClient client = prices("AMAT", null)) {
            LiveCalls.Call<SubscribePricesRequest, SubscribePricesResponse> call = priceCall("AMAT");
            awaitClients("prices:AMAT", 1);
            call.send(
                    tick("AMAT", 1.5).toBuilder().setSequence(1).build(),
                    SubscribePricesResponse.newBuilder()
                            .setSequence(2)
                            .setGap(TickGap.newBuilder()
                                    .setDropped(3)
                                    .setFrom(Timestamp.newBuilder().setSeconds(1_761_750_001L))
                                    .setTo(Timestamp.newBuilder()
                                            .setSeconds(1_761_750_002L)
                                            .setNanos(500_000_000)))
                            .build(),
                    tick("AMAT", 2.5).toBuilder().setSequence(5).build());
            events = client.events(3, WAIT);
            assertThat(events).extracting(Frame::event).containsExactly("tick", "gap", "tick");
            assertThat(events)
                    .extracting(LiveStreamsTest::seq)
                    .as("a gap has an id like any event")
                    .containsExactly(1L, 2L, 3L);
            assertThat(events.get(1).data())
                    .isEqualTo("{\"dropped\":3,\"from\":\"2025-10-29T15:00:01Z\",\"to\":\"2025-10-29T15:00:02.500Z\"}");
            assertThat(events.get(2).data()).contains("\"price\":2.5");
        }
        // a client resuming after the first tick is replayed the gap with what followed
        try (SseTestClient resumed = prices("AMAT", events.get(0).id())) {
            assertThat(resumed.events(2, WAIT)).extracting(Frame::event).containsExactly("gap", "tick");
        }
    }

    @Test
    void ticksLostUpstreamBecomeAResetEventInOrderWithTheTicks() {
        knownSymbols("MRVL");
        try (SseTestClient client = prices("MRVL", null)) {
            LiveCalls.Call<SubscribePricesRequest, SubscribePricesResponse> call = priceCall("MRVL");
            awaitClients("prices:MRVL", 1);
            call.send(
                    tick("MRVL", 1.5).toBuilder().setSequence(1).build(),
                    SubscribePricesResponse.newBuilder()
                            .setSequence(1)
                            .setLost(TicksMayBeLost.newBuilder().setReason("shard 3 trimmed past 1-0"))
                            .build(),
                    tick("MRVL", 2.5).toBuilder().setSequence(2).build());
            List<Frame> events = client.events(3, WAIT);
            assertThat(events).extracting(Frame::event).containsExactly("tick", "reset", "tick");
            assertThat(events).extracting(LiveStreamsTest::seq).containsExactly(1L, 2L, 3L);
            assertThat(events.get(1).data())
                    .startsWith("{\"reason\":\"ticks may have been lost upstream (shard 3 trimmed past 1-0)");
        }
    }

    @Test
    void theSharedUpstreamCarriesTheGatewaysIdentityAndOutlivesTheBrowserThatOpenedIt() {
        // the upstream call serves every browser watching: not the opener's token, which may expire or leave
        knownSymbols("ARM");
        FakeIngestServer.seen().clear();
        String alice = TestTokens.shared().token("alice", Duration.ofHours(1), "viewer");
        String bob = TestTokens.shared().token("bob", Duration.ofHours(1), "viewer");
        String gateway = ConfigProvider.getConfig().getValue("capflow.grpc.auth.service-token", String.class);

        SseTestClient opener = SseTestClient.open(uri("/api/v1/stream/prices?symbols=ARM"), null, alice);
        assertThat(opener.status()).isEqualTo(200);
        LiveCalls.Call<SubscribePricesRequest, SubscribePricesResponse> first = priceCall("ARM");
        awaitClients("prices:ARM", 1);
        try (SseTestClient watcher = SseTestClient.open(uri("/api/v1/stream/prices?symbols=ARM"), null, bob)) {
            awaitClients("prices:ARM", 2);
            opener.close();
            awaitClients("prices:ARM", 1);
            first.send(tick("ARM", 1));
            assertThat(watcher.nextEvent(WAIT).data()).contains("\"price\":1.0");

            // a replica restart: the stream is opened again, for nobody in particular
            first.fail(Status.UNAVAILABLE);
            priceCall("ARM").send(tick("ARM", 2));
            assertThat(watcher.events(3, WAIT))
                    .extracting(Frame::event)
                    .containsExactly("upstream", "upstream", "tick");
        }

        assertThat(FakeIngestServer.seen()
                        .of(IngestServiceGrpc.getSubscribePricesMethod().getFullMethodName()))
                .as("the opening call and the reconnect")
                .containsExactly(Optional.of("Bearer " + gateway), Optional.of("Bearer " + gateway));
        assertThat(subject(gateway)).as("the gateway's service identity").isEqualTo("test-service");
    }

    private static String subject(String jwt) {
        String payload = jwt.split("\\.")[1];
        return new JsonObject(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
                .getString("sub");
    }

    private static WatchBasketResponse level(double level) {
        return WatchBasketResponse.newBuilder()
                .setBasketId("team-google")
                .setLevel(level)
                .setBasketVersion(3)
                .setTs(Timestamp.newBuilder().setSeconds(1_761_750_000L))
                .build();
    }
}
