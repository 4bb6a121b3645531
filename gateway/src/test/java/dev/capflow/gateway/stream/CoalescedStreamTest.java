package dev.capflow.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Timestamp;
import dev.capflow.gateway.fake.Answer;
import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.gateway.fake.FakeIngestService;
import dev.capflow.gateway.fake.InjectFakeIngest;
import dev.capflow.gateway.stream.SseTestClient.Frame;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.Instrument;
import dev.capflow.proto.ingest.v1.ListInstrumentsResponse;
import dev.capflow.proto.ingest.v1.SubscribePricesResponse;
import dev.capflow.proto.ingest.v1.Tick;
import dev.capflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Coalescing of a busy stream, seen on the wire: the first event after a quiet spell goes out on its own, the events
 * that follow within the interval go out together in one HTTP chunk (one socket write), and a client joining while
 * events wait gets each of them exactly once.
 */
@QuarkusTest
@TestProfile(CoalescedStreamTest.LongCoalescing.class)
@WithTestResource(FakeIngestServer.class)
class CoalescedStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** An interval far longer than the test takes to send a burst, and no heartbeat to flush a batch early. */
    public static class LongCoalescing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("capflow.gateway.stream.coalesce", "10s", "capflow.gateway.stream.heartbeat", "1h");
        }
    }

    @InjectFakeIngest
    FakeIngestService fake;

    @Inject
    LiveTopics topics;

    @TestHTTPResource("/")
    URL base;

    @Test
    void eventsWithinTheIntervalGoOutInOneWriteAndALateJoinerGetsEachOnce() throws Exception {
        fake.reset();
        fake.script(
                IngestServiceGrpc.getListInstrumentsMethod(),
                Answer.reply(ListInstrumentsResponse.newBuilder()
                        .addInstruments(Instrument.newBuilder().setSymbol("LITE"))
                        .build()));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream()
                    .write(("GET /api/v1/stream/prices?symbols=LITE HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Accept: text/event-stream\r\nAuthorization: "
                                    + TestTokens.shared().bearer("viewer") + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            Chunks chunks = new Chunks(socket.getInputStream());
            assertThat(chunks.statusLine()).contains(" 200 ");
            assertThat(chunks.next()).as("the reconnect hint").startsWith("retry:");
            var call = fake.live()
                    .next(
                            IngestServiceGrpc.getSubscribePricesMethod(),
                            request -> request.getSymbolsList().equals(List.of("LITE")),
                            WAIT);
            await().atMost(WAIT).until(() -> topics.clientCount("prices:LITE") == 1);

            call.send(tick(1));
            List<String> first = tickIds(chunks.next());
            assertThat(first).as("a lone event goes out at once, on its own").hasSize(1);

            call.send(tick(2), tick(3), tick(4));
            // a join hands out what waits, so the joiner must come after the topic has all three
            await().atMost(WAIT).until(() -> topics.lastSequence("prices:LITE") == 4);
            // joins while 2..4 wait for the interval: the replay after event 1 must not repeat what follows
            try (SseTestClient late =
                    SseTestClient.open(base.toURI().resolve("/api/v1/stream/prices?symbols=LITE"), first.get(0))) {
                List<String> burst = tickIds(chunks.next());
                assertThat(burst).as("the burst in one chunk, in order").hasSize(3);
                assertThat(burst).extracting(id -> EventId.parse(id).seq()).containsExactly(2L, 3L, 4L);

                call.send(tick(5));
                String fifth = tickIds(chunks.next()).get(0);
                call.send(tick(6));
                String sixth = tickIds(chunks.next()).get(0);
                assertThat(late.events(5, WAIT))
                        .as("each event once, in order")
                        .extracting(Frame::id)
                        .containsExactly(burst.get(0), burst.get(1), burst.get(2), fifth, sixth);
            }
        }
    }

    private static SubscribePricesResponse tick(int n) {
        return SubscribePricesResponse.newBuilder()
                .setTick(Tick.newBuilder()
                        .setSymbol("LITE")
                        .setPrice(100 + n)
                        .setTs(Timestamp.newBuilder().setSeconds(1_761_750_000L + n))
                        .setSize(1))
                .build();
    }

    /** The ids of the tick events in one chunk. */
    private static List<String> tickIds(String chunk) {
        List<String> ids = new ArrayList<>();
        for (String frame : chunk.split("\n\n")) {
            if (frame.contains("event: tick\n")) {
                ids.add(frame.substring(frame.indexOf("id: ") + 4, frame.indexOf('\n')));
            }
        }
        return ids;
    }

    /** The chunks of a chunked HTTP/1.1 response body, one per server write. */
    private static final class Chunks {
        private final InputStream in;

        Chunks(InputStream raw) {
            this.in = new BufferedInputStream(raw);
        }

        String statusLine() throws IOException {
            String status = line();
            while (!line().isEmpty()) {
                // the other headers
            }
            return status;
        }

        String next() throws IOException {
            int size = Integer.parseInt(line().split(";")[0].strip(), 16);
            String chunk = new String(in.readNBytes(size), StandardCharsets.UTF_8);
            assertThat(line()).as("the CRLF closing a chunk").isEmpty();
            return chunk;
        }

        private String line() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("the stream ended");
                }
                if (b != '\r') {
                    bytes.write(b);
                }
            }
            return bytes.toString(StandardCharsets.US_ASCII);
        }
    }
}
