package dev.capflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.redis.PriceStreamEntries.StreamTick;
import dev.capflow.testsupport.TcpProxy;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the reader reports when a read fails, against a real Redis: a read that times out or a dropped connection
 * loses nothing and reports no loss; a stream trimmed past the position, a deleted stream and a restarted Redis are
 * reported as entries lost unread, and reading goes on with what the stream holds.
 */
class PriceStreamLossTest {

    private static final PriceStreamEntries.Shards SHARDS = new PriceStreamEntries.Shards("test:loss", 4);
    private static final String SYMBOL = "NVDA";
    private static final StreamPolling POLLING =
            new StreamPolling(Duration.ofMillis(20), Duration.ofHours(1), Duration.ofMillis(20));
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis(12);

    private final RecordingHandler handler = new RecordingHandler();

    private PriceStreamReader reader;
    private TcpProxy proxy;
    private Redis proxied;

    @AfterEach
    void stop() {
        if (reader != null) {
            reader.stop();
        }
        if (proxied != null) {
            proxied.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        REDIS.delete(SHARDS.keys());
    }

    @ParameterizedTest
    @EnumSource(RedisTopology.class)
    void aReadThatTimesOutLosesNothingAndReportsNoLoss(RedisTopology topology) {
        startBehindProxy(topology);
        proxy.delay(Duration.ofSeconds(1)); // every answer later than the timeout
        await(() -> !handler.failures.isEmpty(), "a read timed out");
        append(REDIS.client(), 2);
        append(REDIS.client(), 3);
        await(() -> handler.failures.size() >= 2, "another read timed out after the appends");

        proxy.restore();

        await(() -> seconds().size() == 2, "both entries read once Redis answers in time");
        assertThat(seconds()).containsExactly(2L, 3L);
        assertThat(handler.losses).as("a timeout loses nothing").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(RedisTopology.class)
    void aDroppedConnectionLosesNothingAndReportsNoLoss(RedisTopology topology) {
        startBehindProxy(topology);
        proxy.cut();
        awaitEveryShardFailed();
        append(REDIS.client(), 2);

        proxy.restore();

        await(() -> seconds().contains(2L), "the entry written meanwhile read once Redis answers");
        assertThat(seconds()).containsExactly(2L);
        assertThat(handler.losses).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(RedisTopology.class)
    void aStreamTrimmedPastThePositionIsALoss(RedisTopology topology) {
        startBehindProxy(topology);
        proxy.cut();
        awaitEveryShardFailed();
        for (long second = 2; second <= 4; second++) {
            append(REDIS.client(), second);
        }
        // the position (second 1) and seconds 2 and 3 go before the reader read them
        trimToTheNewestEntry();

        proxy.restore();

        await(() -> seconds().contains(4L), "what the stream still holds is read");
        assertThat(seconds()).containsExactly(4L);
        assertThat(handler.losses).singleElement().asString().contains(SHARDS.keyFor(SYMBOL), "trimmed past");
    }

    @ParameterizedTest
    @EnumSource(RedisTopology.class)
    void packedEntriesTrimmedPastThePositionAreALossAndWhatTheStreamHoldsIsReadTickByTick(RedisTopology topology) {
        startBehindProxy(topology);
        proxy.cut();
        awaitEveryShardFailed();
        appendPacked(2, 3);
        appendPacked(4, 5);
        appendPacked(6, 7);
        // the position (second 1) and the entries of seconds 2 to 5 go before the reader read them
        trimToTheNewestEntry();

        proxy.restore();

        await(() -> seconds().contains(7L), "what the stream still holds is read");
        assertThat(seconds()).containsExactly(6L, 7L);
        assertThat(handler.losses).singleElement().asString().contains(SHARDS.keyFor(SYMBOL), "trimmed past");
    }

    @ParameterizedTest
    @EnumSource(RedisTopology.class)
    void aDeletedStreamIsALossAndItsNewEntriesAreRead(RedisTopology topology) {
        startBehindProxy(topology);
        proxy.cut();
        awaitEveryShardFailed();
        append(REDIS.client(), 2);
        REDIS.delete(List.of(SHARDS.keyFor(SYMBOL))); // flushed, say

        proxy.restore();

        await(() -> !handler.losses.isEmpty(), "the loss reported once Redis answers");
        assertThat(handler.losses).singleElement().asString().contains("gone");
        // an entry of the new stream made with an id before the old position is still read: the position went back
        send(
                REDIS.client(),
                xadd().arg("1-1")
                        .arg("symbol")
                        .arg(SYMBOL)
                        .arg("price")
                        .arg("5.0")
                        .arg("size")
                        .arg("1")
                        .arg("ts")
                        .arg(Instant.ofEpochSecond(5).toString()));
        await(() -> seconds().contains(5L), "the recreated stream's entry read");
        assertThat(seconds()).containsExactly(5L);
    }

    @Test
    void aRestartedRedisIsALoss() throws Exception {
        try (ScratchRedisServer server = ScratchRedisServer.start()) {
            proxied = Redis.createClient(REDIS.vertx(), server.url());
            append(proxied, 1);
            reader = new PriceStreamReader(proxied, RedisTopology.SINGLE_MASTER, SHARDS, POLLING, TIMEOUT, "test");
            reader.position().await().atMost(WAIT);
            reader.start(handler);

            server.restart(); // a new run id, the stream gone with everything else

            await(() -> handler.losses.size() == SHARDS.count(), "the restart reported as a loss of every shard");
            assertThat(handler.losses).allMatch(reason -> reason.contains("restarted"));
            append(proxied, 2);
            await(() -> seconds().contains(2L), "reading goes on on the new server");
            reader.stop();
        }
    }

    /** A reader through a proxy to the real Redis, positioned after an entry (second 1) and running. */
    private void startBehindProxy(RedisTopology topology) {
        append(REDIS.client(), 1);
        proxy = TcpProxy.start("127.0.0.1", URI.create(REDIS.url()).getPort());
        proxied = Redis.createClient(
                REDIS.vertx(),
                "redis://127.0.0.1:" + proxy.port() + URI.create(REDIS.url()).getPath());
        reader = new PriceStreamReader(proxied, topology, SHARDS, POLLING, TIMEOUT, "test");
        reader.position().await().atMost(WAIT);
        reader.start(handler);
    }

    /**
     * Waits until every shard has failed a read since the cut: a round under way at the cut may still read some shards,
     * and every later round reports at least one failure (all shards failing are one), so as many reports as shards
     * mean the round after that one is over.
     */
    private void awaitEveryShardFailed() {
        await(() -> handler.failures.size() >= SHARDS.count(), "every shard failed a read");
    }

    /** The seconds of the ticks handler.handed over, in order. */
    private List<Long> seconds() {
        return handler.handed.stream()
                .flatMap(entry -> PriceStreamEntries.ticks(entry.fields()).stream())
                .map(tick -> tick.ts().getEpochSecond())
                .toList();
    }

    private static void append(Redis redis, long second) {
        Request xadd = xadd().arg("*");
        PriceStreamEntries.tick(new StreamTick(SYMBOL, Instant.ofEpochSecond(second), second, 1, "", ""), "other")
                .forEach((field, value) -> xadd.arg(field).arg(value));
        send(redis, xadd);
    }

    /** One packed entry of a tick per second of {@code seconds}, in order. */
    private static void appendPacked(long... seconds) {
        Request xadd = xadd().arg("*");
        PriceStreamEntries.packed(
                        Arrays.stream(seconds)
                                .mapToObj(second ->
                                        new StreamTick(SYMBOL, Instant.ofEpochSecond(second), second, 1, "", ""))
                                .toList(),
                        "other")
                .forEach((field, value) -> xadd.arg(field).arg(value));
        send(REDIS.client(), xadd);
    }

    private static Request xadd() {
        return Request.cmd(Command.XADD).arg(SHARDS.keyFor(SYMBOL));
    }

    private static void send(Redis redis, Request request) {
        redis.send(request).await().atMost(WAIT);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void trimToTheNewestEntry() {
        send(
                REDIS.client(),
                Request.cmd(Command.XTRIM)
                        .arg(SHARDS.keyFor(SYMBOL))
                        .arg("MAXLEN")
                        .arg(1));
    }
}
