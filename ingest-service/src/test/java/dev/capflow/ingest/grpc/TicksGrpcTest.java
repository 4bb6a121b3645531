package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import dev.capflow.ingest.pricestream.InstanceId;
import dev.capflow.ingest.pricestream.PriceStreamReader;
import dev.capflow.ingest.stream.PriceFanout;
import dev.capflow.proto.common.v1.IngestReport;
import dev.capflow.proto.common.v1.Rejection;
import dev.capflow.proto.ingest.v1.IngestTicksRequest;
import dev.capflow.proto.ingest.v1.IngestTicksResponse;
import dev.capflow.proto.ingest.v1.SubscribePricesResponse;
import dev.capflow.proto.ingest.v1.Tick;
import dev.capflow.redis.PriceStreamEntries;
import dev.capflow.redis.PriceStreamEntries.StreamTick;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class TicksGrpcTest extends GrpcTestBase {

    private static final Instant BASE = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    PriceFanout fanout;

    @Inject
    PriceStreamReader streamReader;

    @Inject
    InstanceId instanceId;

    @Inject
    Redis redisClient;

    @GrpcClient("ingest")
    Channel channel;

    private static Instant at(int second) {
        return BASE.plusSeconds(second).plusNanos(250_000);
    }

    @Test
    void everyBatchIsAcknowledgedAfterCommitAndAResendOnlyFindsDuplicates() throws Exception {
        register("TCK");
        IngestTicksRequest first =
                batch(7, tick("TCK", at(0), 100, 10), tick("TCK", at(1), 101, 0), tick("tck", at(2), 102, 5));
        List<IngestTicksResponse> acks = streamTicksOneByOne(
                first,
                batch(8, tick("TCK", at(3), 103, 1), tick("TCK", at(1), 101, 0), tick("TCK", at(4), 0, 1)),
                first);
        assertThat(acks).extracting(IngestTicksResponse::getSequence).containsExactly(7L, 8L, 7L);
        assertThat(acks)
                .extracting(IngestTicksResponse::getReport)
                .extracting(IngestReport::getAccepted, IngestReport::getDuplicates, IngestReport::getRejectedCount)
                .containsExactly(tuple(3, 0, 0), tuple(1, 1, 1), tuple(0, 3, 0));
        assertThat(acks.get(1).getReport().getRejected(0))
                .extracting(Rejection::getIndex, Rejection::getField)
                .containsExactly(2, "price");
        assertThat(sqlLong("SELECT count(*) FROM ingest.tick WHERE symbol = 'TCK'"))
                .isEqualTo(4);
        assertThat(sqlLong("SELECT extract(microseconds FROM ts)::bigint % 1000000 FROM ingest.tick"
                        + " WHERE symbol = 'TCK' ORDER BY ts LIMIT 1"))
                .as("sub-second precision kept")
                .isEqualTo(250);

        // published best effort after commit: the newest price in the hash, each new tick once on the stream
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(redis("HGET", "capflow:latest", "TCK"))
                    .contains("\"price\":103.0")
                    .contains("\"source\":\"TICK\"");
            assertThat(streamTicksOf("TCK")).hasSize(4);
        });
    }

    @Test
    void twoTradesOfTheSameMicrosecondAreBothStoredAndOnlyTrueResendsAreDuplicates() throws Exception {
        register("TID");
        Tick first = tick("TID", at(20), 100, 10).toBuilder()
                .setSource("nasdaq")
                .setTradeId("7731")
                .build();
        Tick second = first.toBuilder().setSize(40).setTradeId("7732").build();
        Tick otherFeed = first.toBuilder().setSource("arca").build();
        Tick anonymous = tick("TID", at(20), 100, 10);
        // one after the other: batches sent together are stored concurrently, and which of two overlapping ones
        // stores a shared tick first is a race (exactly-once holds either way; the split is what this test reads)
        List<IngestTicksResponse> acks = streamTicksOneByOne(
                batch(1, first, second, otherFeed, anonymous),
                batch(2, second, first, anonymous, tick("TID", at(20), 100.5, 3)));
        assertThat(acks)
                .extracting(IngestTicksResponse::getReport)
                .extracting(IngestReport::getAccepted, IngestReport::getDuplicates)
                .containsExactly(tuple(4, 0), tuple(0, 4));
        assertThat(sqlLong("SELECT count(*) FROM ingest.tick WHERE symbol = 'TID'"))
                .isEqualTo(4);
        assertThat(sqlLong("SELECT sum(size) FROM ingest.tick WHERE symbol = 'TID' AND source = 'nasdaq'"))
                .as("both trades of the microsecond are kept")
                .isEqualTo(50);
    }

    @Test
    void batchesSentTogetherAreStoredExactlyOnceWhenOneResendsAnotherOnTheSameStream() throws Exception {
        register("TGT");
        List<IngestTicksRequest> batches = new ArrayList<>();
        for (int b = 0; b < 8; b++) {
            int first = 100 + b * 3;
            batches.add(batch(
                    b,
                    tick("TGT", at(first), 50, 1),
                    tick("TGT", at(first + 1), 51, 2),
                    tick("TGT", at(first + 2), 52, 3)));
        }
        // a resend of batch 1 while the others wait: whichever batch holds them, its three ticks are stored once
        batches.add(batch(8, batches.get(1).getTicksList().toArray(Tick[]::new)));
        List<IngestTicksResponse> acks = streamTicks(batches.toArray(IngestTicksRequest[]::new));

        Map<Long, IngestReport> reports = new HashMap<>();
        acks.forEach(ack -> reports.put(ack.getSequence(), ack.getReport()));
        assertThat(reports).hasSize(9);
        assertThat(reports.values())
                .allSatisfy(report -> assertThat(report.getAccepted() + report.getDuplicates())
                        .isEqualTo(3));
        assertThat(reports.values().stream().mapToInt(IngestReport::getAccepted).sum())
                .isEqualTo(24);
        assertThat(reports.get(1L).getAccepted() + reports.get(8L).getAccepted())
                .as("the resent ticks stored by one of the two batches")
                .isEqualTo(3);
        assertThat(sqlLong("SELECT count(*) FROM ingest.tick WHERE symbol = 'TGT'"))
                .isEqualTo(24);
        assertThat(sqlLong("SELECT sum(volume) FROM ingest.minute_bar_current WHERE symbol = 'TGT'"))
                .as("each stored tick rolled up into the minute bars once")
                .isEqualTo(8 * (1 + 2 + 3));
    }

    @Test
    void anOverlongTradeIdIsRejectedAtItsIndex() throws Exception {
        register("TLONG");
        Tick good = tick("TLONG", at(30), 10, 1).toBuilder()
                .setSource("feed")
                .setTradeId("1")
                .build();
        Tick bad = good.toBuilder().setTradeId("x".repeat(65)).build();
        IngestReport report = streamTicks(batch(1, good, bad)).get(0).getReport();
        assertThat(report.getAccepted()).isEqualTo(1);
        assertThat(report.getRejectedList())
                .extracting(Rejection::getIndex, Rejection::getField)
                .containsExactly(tuple(1, "trade_id"));
    }

    @Test
    void aLargeBatchIsPublishedCompletelyInSeveralPipelines() throws Exception {
        register("TMANY");
        Tick[] ticks = new Tick[1_501];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = tick("TMANY", at(1_000 + i), 100 + i, 1);
        }
        assertThat(streamTicks(batch(1, ticks)).get(0).getReport().getAccepted())
                .isEqualTo(1_501);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(streamTicksOf("TMANY"))
                    .extracting(StreamTick::price)
                    .containsExactlyElementsOf(
                            IntStream.range(0, 1_501).mapToObj(i -> 100.0 + i).toList());
            assertThat(entries(streamKey("TMANY")).stream()
                            .filter(fields -> fields.getOrDefault("ticks", "").startsWith("TMANY\t")))
                    .as("packed: 16 entries of at most 100 ticks")
                    .hasSize(16);
            assertThat(redis("HGET", "capflow:latest", "TMANY")).contains("\"price\":1600.0");
        });
    }

    @Test
    void anOversizedBatchFailsTheStreamNamingTheFieldAfterEarlierBatchesAreAcknowledged() throws Exception {
        register("TBIG");
        List<Tick> many = new ArrayList<>();
        for (int i = 0; i < 50_001; i++) {
            many.add(tick("TBIG", at(100 + i), 10, 1));
        }
        List<IngestTicksResponse> acks = new CopyOnWriteArrayList<>();
        // the oversized batch is sent once the first one is acknowledged: a failure ends the stream at once, and an
        // acknowledgement still in flight then is lost (the client resends that batch, a duplicate at worst)
        UnicastProcessor<IngestTicksRequest> requests = UnicastProcessor.create();
        requests.onNext(batch(1, tick("TBIG", at(0), 10, 1)));
        StatusRuntimeException error = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> mutiny().ingestTicks(requests)
                        .onItem()
                        .invoke(ack -> {
                            acks.add(ack);
                            requests.onNext(IngestTicksRequest.newBuilder()
                                    .setSequence(2)
                                    .addAllTicks(many)
                                    .build());
                        })
                        .collect()
                        .asList()
                        .await()
                        .atMost(Duration.ofSeconds(DEADLINE_SECONDS)));
        assertThat(acks).extracting(IngestTicksResponse::getSequence).containsExactly(1L);
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(badRequest(error).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField)
                .containsExactly("ticks");
        assertThat(sqlLong("SELECT count(*) FROM ingest.tick WHERE symbol = 'TBIG'"))
                .isEqualTo(1);
    }

    @Test
    void subscribersReceiveLocalTicksAndOtherReplicasTicksOnceEach() {
        register("SUB");
        register("SUBX");
        int before = fanout.subscriberCount();
        PriceSubscription subscriber = PriceSubscription.start(channel, -1, "sub");
        await().atMost(Duration.ofSeconds(10)).until(() -> fanout.subscriberCount() == before + 1);

        streamTicks(batch(1, tick("SUBX", at(10), 50, 1), tick("SUB", at(10), 42.25, 7)));
        await().atMost(Duration.ofSeconds(10)).until(() -> subscriber.received().size() == 1);
        assertThat(subscriber.received().get(0)).isEqualTo(tick("SUB", at(10), 42.25, 7));

        // a tick another replica stored arrives through the Redis stream; this instance's own entry
        // (already on the stream before it) is skipped, so nothing is delivered twice
        await().atMost(Duration.ofSeconds(10)).until(() -> !streamTicksOf("SUB").isEmpty());
        Instant remote = at(11);
        redis(
                "XADD",
                streamKey("SUB"),
                "*",
                "symbol",
                "SUB",
                "price",
                "43.5",
                "size",
                "2",
                "ts",
                remote.toString(),
                "origin",
                "another-replica");
        await().atMost(Duration.ofSeconds(10)).until(() -> subscriber.received().size() >= 2);
        assertThat(subscriber.received()).containsExactly(tick("SUB", at(10), 42.25, 7), tick("SUB", remote, 43.5, 2));

        subscriber.cancel();
        await().atMost(Duration.ofSeconds(10)).until(() -> fanout.subscriberCount() == before);
    }

    @Test
    void theStreamIsReadOnlyWhileSomeoneSubscribesAndFromTheStartOfTheSubscription() {
        int before = fanout.subscriberCount(); // another test class's subscription may still be open
        assertThat(streamReader.reading())
                .as("read only while someone subscribes")
                .isEqualTo(before > 0);

        PriceSubscription subscriber = PriceSubscription.start(channel, -1, "LAZY");
        await().atMost(Duration.ofSeconds(10)).until(() -> fanout.subscriberCount() == before + 1);
        await().atMost(Duration.ofSeconds(10)).until(streamReader::reading);
        // another replica's tick, appended once the reader is positioned, is delivered
        redis(
                "XADD",
                streamKey("LAZY"),
                "*",
                "symbol",
                "LAZY",
                "price",
                "1.5",
                "size",
                "2",
                "ts",
                at(40).toString(),
                "origin",
                "another-replica");
        await().atMost(Duration.ofSeconds(10)).until(() -> subscriber.received().size() == 1);
        assertThat(subscriber.received()).containsExactly(tick("LAZY", at(40), 1.5, 2));

        subscriber.cancel();
        await().atMost(Duration.ofSeconds(10)).until(() -> fanout.subscriberCount() == before);
        assertThat(streamReader.reading())
                .as("the last subscription to end stops the reader")
                .isEqualTo(before > 0);
    }

    @Test
    void aBatchOfSeveralSymbolsIsAppendedToEachSymbolsShardInTheBatchOrder() throws Exception {
        List<String> symbols = List.of("GRPA", "GRPB", "GRPC", "GRPD", "GRPE", "GRPF");
        symbols.forEach(this::register);
        assertThat(symbols.stream().map(GrpcTestBase::streamKey).distinct().count())
                .as("the symbols span several shards")
                .isGreaterThan(1);
        List<Tick> ticks = new ArrayList<>();
        Map<String, List<StreamTick>> expected = new LinkedHashMap<>();
        for (int round = 0; round < 3; round++) {
            for (String symbol : symbols) {
                Tick tick = tick(symbol, at(200 + round), 10 + round, 1 + round);
                if (symbol.equals("GRPB")) { // a tick with an identity carries it on the stream
                    tick = tick.toBuilder()
                            .setSource("feed")
                            .setTradeId("t" + round)
                            .build();
                }
                ticks.add(tick);
                expected.computeIfAbsent(streamKey(symbol), key -> new ArrayList<>())
                        .add(new StreamTick(
                                symbol, at(200 + round), 10 + round, 1 + round, tick.getSource(), tick.getTradeId()));
            }
        }
        assertThat(streamTicks(batch(1, ticks.toArray(Tick[]::new)))
                        .get(0)
                        .getReport()
                        .getAccepted())
                .isEqualTo(ticks.size());

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> expected.forEach((key, shardTicks) -> {
                    List<List<StreamTick>> packed = entries(key).stream()
                            .filter(fields -> instanceId.value().equals(PriceStreamEntries.origin(fields)))
                            .map(PriceStreamEntries::ticks)
                            .filter(entryTicks -> entryTicks != null
                                    && symbols.contains(entryTicks.get(0).symbol()))
                            .toList();
                    assertThat(packed)
                            .as("each tick once, in the batch order, in one packed entry of its symbol's shard %s", key)
                            .containsExactly(shardTicks);
                }));
    }

    /** The ticks of {@code symbol} its shard holds, of tick and packed entries alike, oldest first. */
    private List<StreamTick> streamTicksOf(String symbol) {
        return entries(streamKey(symbol)).stream()
                .filter(fields -> !PriceStreamEntries.isChange(fields))
                .map(PriceStreamEntries::ticks)
                .filter(Objects::nonNull)
                .flatMap(List::stream)
                .filter(tick -> symbol.equals(tick.symbol()))
                .toList();
    }

    /** Every entry of stream {@code key}, oldest first, as its fields. */
    private List<Map<String, String>> entries(String key) {
        Response range = redisClient
                .send(Request.cmd(Command.XRANGE).arg(key).arg("-").arg("+"))
                .await()
                .atMost(Duration.ofSeconds(10));
        List<Map<String, String>> entries = new ArrayList<>();
        if (range == null) { // no such stream yet: publishing runs on a loop of its own, after the acknowledgement
            return entries;
        }
        for (Response entry : range) {
            Map<String, String> fields = new HashMap<>();
            Response pairs = entry.get(1);
            for (int i = 0; i + 1 < pairs.size(); i += 2) {
                fields.put(pairs.get(i).toString(), pairs.get(i + 1).toString());
            }
            entries.add(fields);
        }
        return entries;
    }

    @Test
    void aSlowSubscriberIsToldOfEveryTickItLostAndHoldsNobodyBack() {
        int before = fanout.subscriberCount();
        PriceSubscription slow = PriceSubscription.start(channel, 0, "SLOW"); // reads nothing until asked
        PriceSubscription fast = PriceSubscription.start(channel, -1, "SLOW");
        await().atMost(Duration.ofSeconds(10)).until(() -> fanout.subscriberCount() == before + 2);

        int burst = 20_000; // about 0.7 MB: far more than the 64 KiB window of the stalled reader
        for (int i = 0; i < burst; i++) {
            fanout.publish(List.of(new dev.capflow.ingest.domain.Tick("SLOW", at(i), 1 + i, 1)));
        }
        fanout.publish(List.of(new dev.capflow.ingest.domain.Tick("SLOW", at(burst), 0.5, 9)));
        int published = burst + 1;
        await().atMost(Duration.ofSeconds(15))
                .until(() -> fast.received().stream().anyMatch(tick -> tick.getSize() == 9));
        assertEveryTickDeliveredOrAnnounced(fast.messages(), published);

        slow.request(Integer.MAX_VALUE);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !slow.received().isEmpty()
                        && slow.received().get(slow.received().size() - 1).getSize() == 9);
        assertThat(slow.messages()).as("the stalled reader lost ticks").anyMatch(SubscribePricesResponse::hasGap);
        assertEveryTickDeliveredOrAnnounced(slow.messages(), published);
        assertThat(slow.received().get(0).getPrice())
                .as("what the transport already held comes first")
                .isEqualTo(1.0);

        slow.cancel();
        fast.cancel();
        await().atMost(Duration.ofSeconds(10)).until(() -> fanout.subscriberCount() == before);
    }

    /**
     * The stream of a burst where tick number n has price n (the last one 0.5) and was published at second n - 1:
     * numbers contiguous once each gap counts its dropped ticks, each gap bounding the times of the ticks it stands for.
     */
    private static void assertEveryTickDeliveredOrAnnounced(List<SubscribePricesResponse> messages, int published) {
        long dropped = messages.stream()
                .mapToLong(message -> message.getGap().getDropped())
                .sum();
        long delivered =
                messages.stream().filter(SubscribePricesResponse::hasTick).count();
        assertThat(dropped + delivered).as("every tick delivered or announced").isEqualTo(published);
        long expected = 1;
        for (SubscribePricesResponse message : messages) {
            assertThat(message.getSequence())
                    .as("sequence numbers are contiguous once gaps are counted")
                    .isEqualTo(expected);
            if (message.hasGap()) {
                assertThat(message.hasTick()).as("a gap carries no tick").isFalse();
                long last = expected + message.getGap().getDropped() - 1;
                assertThat(message.getGap().getFrom()).isEqualTo(timestamp(at((int) expected - 1)));
                assertThat(message.getGap().getTo()).isEqualTo(timestamp(at((int) last - 1)));
                expected = last + 1;
            } else {
                assertThat(message.getTick().getPrice())
                        .as("tick number n is the n-th published")
                        .isEqualTo(expected == published ? 0.5 : expected);
                expected++;
            }
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }
}
