package dev.capflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.redis.PriceStreamEntries.StreamTick;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The reader against a real Redis: it never loses an entry written after it started, whenever it was written. */
class PriceStreamReaderTest {

    private static final PriceStreamEntries.Shards SHARDS = new PriceStreamEntries.Shards("test:prices", 4);
    private static final StreamPolling POLLING =
            new StreamPolling(Duration.ofMillis(20), Duration.ofHours(1), Duration.ofMillis(20));
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis(9);

    private PriceStreamReader reader;

    @AfterEach
    void stopReader() {
        if (reader != null) {
            reader.stop();
        }
        REDIS.delete(SHARDS.keys());
    }

    @Test
    void anEntryWrittenBetweenTheStartAndTheFirstReadIsRead() {
        append("OLD", 1);
        reader = new PriceStreamReader(
                REDIS.client(), RedisTopology.SINGLE_MASTER, SHARDS, POLLING, Duration.ofSeconds(1), "test");
        reader.position().await().atMost(WAIT);
        append("NVDA", 2); // another replica's tick, before this reader's first XREAD: "$" would skip it

        List<StreamEntry> read = reader.readOnce().await().atMost(WAIT);

        assertThat(read).extracting(entry -> entry.fields().get("symbol")).containsExactly("NVDA");
    }

    @Test
    void anEntryWrittenBetweenTwoReadsThatSawNothingIsRead() {
        reader = new PriceStreamReader(
                REDIS.client(), RedisTopology.SINGLE_MASTER, SHARDS, POLLING, Duration.ofSeconds(1), "test");
        assertThat(reader.readOnce().await().atMost(WAIT))
                .as("empty stream: nothing read")
                .isEmpty();
        append("AMD", 3); // while no XREAD is blocked

        assertThat(reader.readOnce().await().atMost(WAIT))
                .extracting(entry -> entry.fields().get("symbol"))
                .containsExactly("AMD");
        assertThat(reader.readOnce().await().atMost(WAIT)).as("read once only").isEmpty();
    }

    @Test
    void tickEntriesAndPackedEntriesMixedInOneShardGiveTheirTicksInStreamOrder() {
        reader = new PriceStreamReader(
                REDIS.client(), RedisTopology.SINGLE_MASTER, SHARDS, POLLING, Duration.ofSeconds(1), "test");
        reader.position().await().atMost(WAIT);
        append("MSFT", 1); // an old writer's tick entry
        List<StreamTick> packed = List.of(
                new StreamTick("MSFT", Instant.ofEpochSecond(2), 2.0, 1, "", ""),
                new StreamTick("MSFT", Instant.ofEpochSecond(3), 3.0, 1, "nasdaq", "t-3"));
        REDIS.client()
                .send(xadd("MSFT", PriceStreamEntries.packed(packed, "other")))
                .await()
                .atMost(WAIT);
        append("MSFT", 4);

        List<StreamEntry> read = reader.readOnce().await().atMost(WAIT);

        assertThat(read).hasSize(3);
        assertThat(read.stream()
                        .flatMap(entry -> PriceStreamEntries.ticks(entry.fields()).stream())
                        .map(tick -> tick.ts().getEpochSecond()))
                .containsExactly(1L, 2L, 3L, 4L);
        assertThat(PriceStreamEntries.ticks(read.get(1).fields())).containsExactlyElementsOf(packed);
    }

    @Test
    void theRunningReaderHandsOverEveryTickAndChangeInOrder() throws InterruptedException {
        List<StreamEntry> handed = new CopyOnWriteArrayList<>();
        reader = new PriceStreamReader(
                REDIS.client(), RedisTopology.SINGLE_MASTER, SHARDS, POLLING, Duration.ofSeconds(1), "test");
        reader.position().await().atMost(WAIT);
        reader.start(handed::addAll);
        append("MSFT", 4);
        REDIS.client()
                .send(xadd("MSFT", PriceStreamEntries.change(PriceStreamEntries.BARS, List.of("MSFT"), "other")))
                .await()
                .atMost(WAIT);

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (handed.size() < 2 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertThat(handed).hasSize(2);
        assertThat(PriceStreamEntries.decodeTick(handed.get(0).fields()))
                .isEqualTo(new StreamTick("MSFT", Instant.ofEpochSecond(4), 4.0, 1, "", ""));
        assertThat(PriceStreamEntries.isChange(handed.get(1).fields())).isTrue();
        assertThat(PriceStreamEntries.changedSymbols(handed.get(1).fields())).containsExactly("MSFT");
        assertThat(reader.lastIds())
                .containsEntry(SHARDS.keyFor("MSFT"), handed.get(1).id());
    }

    @ParameterizedTest
    @EnumSource(RedisTopology.class)
    void everyShardsNewEntriesAreReadInOneRoundSortedById(RedisTopology topology) {
        reader = new PriceStreamReader(REDIS.client(), topology, SHARDS, POLLING, Duration.ofSeconds(1), "test");
        reader.position().await().atMost(WAIT);
        List<String> symbols = List.of("AAPL", "MSFT", "NVDA", "AMD", "INTC", "TSLA");
        assertThat(symbols.stream().map(SHARDS::keyFor).distinct())
                .as("the symbols spread over several shards")
                .hasSizeGreaterThan(1);
        // explicit ids a millisecond apart: two shards' auto ids made in one millisecond would tie, and the order
        // across shards is only the ids' order
        long firstMillis = System.currentTimeMillis() + 1_000;
        for (int i = 0; i < symbols.size(); i++) {
            append(symbols.get(i), i + 1, (firstMillis + i) + "-0");
        }

        List<StreamEntry> read = reader.readOnce().await().atMost(WAIT);

        assertThat(read).extracting(entry -> entry.fields().get("symbol")).containsExactlyElementsOf(symbols);
        assertThat(reader.readOnce().await().atMost(WAIT)).as("read once only").isEmpty();
    }

    @Test
    void aFailedRoundWaitsTheFirstBackoffHoweverManyRoundsFailedBefore() throws InterruptedException {
        FlakyRedis flaky = new FlakyRedis(REDIS.client().getDelegate(), 8);
        reader = new PriceStreamReader(
                Redis.newInstance(flaky), RedisTopology.SINGLE_MASTER, SHARDS, POLLING, Duration.ofSeconds(1), "test");
        reader.position().await().atMost(WAIT);
        long start = System.nanoTime();
        reader.start(entries -> {});

        long deadline = start + Duration.ofSeconds(30).toNanos();
        while (flaky.xreads() < 17 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        // 8 failures, each after a good round: a backoff of its own is 200 ms (+-50%) each, under 3 s in all; the
        // backoff of the reader's life doubled at every failure up to 5 s: more than 10 s in all
        assertThat(flaky.xreads()).as("XREADs within 30 s").isGreaterThanOrEqualTo(17);
        assertThat(elapsed).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void aRoundThatTimedOutIsReadAgainAtOnce() throws InterruptedException {
        StallingRedis stalling = new StallingRedis(REDIS.client().getDelegate(), 6);
        List<StreamEntry> handed = new CopyOnWriteArrayList<>();
        reader = new PriceStreamReader(
                Redis.newInstance(stalling),
                RedisTopology.SINGLE_MASTER,
                SHARDS,
                POLLING,
                Duration.ofMillis(200),
                "test");
        reader.position().await().atMost(WAIT);
        append("NVDA", 5);
        long start = System.nanoTime();
        reader.start(handed::addAll);

        long deadline = start + Duration.ofSeconds(30).toNanos();
        while (handed.isEmpty() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        // 6 rounds time out after 220 ms each: about 1.3 s when each is read again at once; a backoff after each
        // (200 ms doubling, +-50%) would add at least 5.6 s
        assertThat(handed).extracting(entry -> entry.fields().get("symbol")).containsExactly("NVDA");
        assertThat(stalling.stalled()).isEqualTo(6);
        assertThat(elapsed).isLessThan(Duration.ofSeconds(4));
    }

    /** A Redis that never answers its first {@code stalls} reads (an XREAD alone or in a batch): rounds time out. */
    private static final class StallingRedis extends ForwardingRedis {

        private final int stalls;
        private final AtomicInteger stalled = new AtomicInteger();

        StallingRedis(io.vertx.redis.client.Redis redis, int stalls) {
            super(redis);
            this.stalls = stalls;
        }

        int stalled() {
            return stalled.get();
        }

        private boolean stall(List<io.vertx.redis.client.Request> commands) {
            return commands.stream().anyMatch(command -> command.command() == io.vertx.redis.client.Command.XREAD)
                    && stalled.getAndUpdate(n -> n < stalls ? n + 1 : n) < stalls;
        }

        @Override
        public Future<io.vertx.redis.client.Response> send(io.vertx.redis.client.Request command) {
            return stall(List.of(command))
                    ? Promise.<io.vertx.redis.client.Response>promise().future()
                    : super.send(command);
        }

        @Override
        public Future<List<io.vertx.redis.client.Response>> batch(List<io.vertx.redis.client.Request> commands) {
            return stall(commands)
                    ? Promise.<List<io.vertx.redis.client.Response>>promise().future()
                    : super.batch(commands);
        }
    }

    /** A Redis whose first {@code failures} odd-numbered XREADs fail: failed rounds, each after a good one. */
    private static final class FlakyRedis extends ForwardingRedis {

        private final int failures;
        private final AtomicInteger xreads = new AtomicInteger();

        FlakyRedis(io.vertx.redis.client.Redis redis, int failures) {
            super(redis);
            this.failures = failures;
        }

        int xreads() {
            return xreads.get();
        }

        @Override
        public Future<io.vertx.redis.client.Response> send(io.vertx.redis.client.Request command) {
            if (command.command() == io.vertx.redis.client.Command.XREAD) {
                int n = xreads.incrementAndGet();
                if (n % 2 == 1 && n < 2 * failures) {
                    return Future.failedFuture("injected XREAD failure " + n);
                }
            }
            return super.send(command);
        }
    }

    @ParameterizedTest
    @EnumSource(RedisTopology.class)
    void aBacklogIsReadInSmallRoundsWithoutLosingAnEntry(RedisTopology topology) {
        reader = new PriceStreamReader(REDIS.client(), topology, SHARDS, POLLING, Duration.ofSeconds(1), "test");
        reader.position().await().atMost(WAIT);
        int backlog = 3 * ShardCursor.MAX_ENTRIES_PER_ROUND;
        long firstMillis = System.currentTimeMillis() + 1_000;
        List<Request> writes = new ArrayList<>();
        for (int i = 0; i < backlog; i++) {
            StreamTick tick = new StreamTick("S" + i % 40, Instant.ofEpochSecond(i + 1), i + 1, 1, "", "");
            writes.add(xadd(tick.symbol(), PriceStreamEntries.tick(tick, "other"), (firstMillis + i) + "-0"));
        }
        for (int from = 0; from < backlog; from += 100) {
            REDIS.client()
                    .batch(writes.subList(from, Math.min(backlog, from + 100)))
                    .await()
                    .atMost(WAIT);
        }

        List<StreamEntry> read = new ArrayList<>();
        int rounds = 0;
        while (read.size() < backlog && rounds++ < backlog) {
            List<StreamEntry> round = reader.readOnce().await().atMost(WAIT);
            assertThat(round).as("a round's entries").hasSizeLessThanOrEqualTo(ShardCursor.MAX_ENTRIES_PER_ROUND);
            read.addAll(round);
        }

        // each shard's entries in its order (a round sorts by id only what it read): every tick once
        assertThat(read)
                .extracting(entry -> Double.parseDouble(entry.fields().get("price")))
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, backlog)
                        .mapToObj(i -> (double) i)
                        .toList());
        for (String shard : SHARDS.keys()) {
            List<String> ids = read.stream()
                    .filter(entry -> SHARDS.keyFor(entry.fields().get("symbol")).equals(shard))
                    .map(StreamEntry::id)
                    .toList();
            assertThat(ids).as("shard %s in stream order", shard).isSortedAccordingTo(PriceStreamReaderTest::byId);
        }
        assertThat(reader.readOnce().await().atMost(WAIT)).as("read once only").isEmpty();
    }

    @Test
    void aRoundBehindTheWritersLooksAtEveryFullShardInOneCall() throws InterruptedException {
        CountingRedis counting = new CountingRedis(REDIS.client().getDelegate());
        reader = new PriceStreamReader(
                Redis.newInstance(counting),
                RedisTopology.SINGLE_MASTER,
                SHARDS,
                POLLING,
                Duration.ofSeconds(1),
                "test");
        reader.position().await().atMost(WAIT);
        // two shares of a round in every shard: each of the next two rounds fills every shard's share
        int share = ShardCursor.MAX_ENTRIES_PER_ROUND / SHARDS.count();
        List<String> symbols = oneSymbolPerShard();
        List<Request> writes = new ArrayList<>();
        for (int i = 0; i < 2 * share; i++) {
            for (String symbol : symbols) {
                StreamTick tick = new StreamTick(symbol, Instant.ofEpochSecond(i + 1), i + 1, 1, "", "");
                writes.add(xadd(symbol, PriceStreamEntries.tick(tick, "other")));
            }
        }
        REDIS.client().batch(writes).await().atMost(WAIT);
        assertThat(reader.readOnce().await().atMost(WAIT)).hasSize(ShardCursor.MAX_ENTRIES_PER_ROUND);
        String trimmed = SHARDS.keyFor(symbols.get(1));
        // the position in one shard and all but its newest entry go before the reader reads them
        REDIS.client()
                .send(Request.cmd(Command.XTRIM).arg(trimmed).arg("MAXLEN").arg(1))
                .await()
                .atMost(WAIT);
        int evalsBefore = counting.evals();
        int xreadsBefore = counting.xreads();
        int evalsAloneBefore = counting.evalsAlone();
        RecordingHandler handler = new RecordingHandler();

        reader.start(handler);

        // the round after the full one, the round after that (3 shards full again), and an empty one
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (counting.xreads() - xreadsBefore < 4 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertThat(handler.handed).hasSize(3 * share + 1);
        assertThat(handler.losses).singleElement().asString().contains(trimmed, "trimmed past");
        // one look at the 4 full shards, then one at the 3 full again (a look per shard: 4 + 3), each sent with the
        // round's XREAD: a round trip per round
        assertThat(counting.evals() - evalsBefore).as("loss checks sent").isEqualTo(2);
        assertThat(counting.evalsAlone() - evalsAloneBefore)
                .as("loss checks sent in a round trip of their own")
                .isZero();
    }

    /** A symbol of each shard, in the shards' order. */
    private static List<String> oneSymbolPerShard() {
        return SHARDS.keys().stream()
                .map(key -> IntStream.range(0, 1_000)
                        .mapToObj(i -> "S" + i)
                        .filter(symbol -> SHARDS.keyFor(symbol).equals(key))
                        .findFirst()
                        .orElseThrow())
                .toList();
    }

    /** A Redis that counts the EVALs and XREADs sent through it, and the EVALs sent alone (not in a batch). */
    private static final class CountingRedis extends ForwardingRedis {

        private final AtomicInteger evals = new AtomicInteger();
        private final AtomicInteger xreads = new AtomicInteger();
        private final AtomicInteger evalsAlone = new AtomicInteger();

        CountingRedis(io.vertx.redis.client.Redis redis) {
            super(redis);
        }

        int evals() {
            return evals.get();
        }

        int xreads() {
            return xreads.get();
        }

        int evalsAlone() {
            return evalsAlone.get();
        }

        @Override
        public Future<io.vertx.redis.client.Response> send(io.vertx.redis.client.Request command) {
            if (command.command() == io.vertx.redis.client.Command.EVAL) {
                evalsAlone.incrementAndGet();
            }
            count(command);
            return super.send(command);
        }

        @Override
        public Future<List<io.vertx.redis.client.Response>> batch(List<io.vertx.redis.client.Request> commands) {
            commands.forEach(this::count);
            return super.batch(commands);
        }

        private void count(io.vertx.redis.client.Request command) {
            if (command.command() == io.vertx.redis.client.Command.EVAL) {
                evals.incrementAndGet();
            } else if (command.command() == io.vertx.redis.client.Command.XREAD) {
                xreads.incrementAndGet();
            }
        }
    }

    private static int byId(String a, String b) {
        return Long.compare(
                Long.parseLong(a.substring(0, a.indexOf('-'))), Long.parseLong(b.substring(0, b.indexOf('-'))));
    }

    @ParameterizedTest
    @EnumSource(RedisTopology.class)
    void anIdleReaderReadsInLongerPausesAndStillHandsOverTheNextTick(RedisTopology topology)
            throws InterruptedException {
        // idle after 200 ms without an entry: then a round a second (on one master, an XREAD blocking for a second)
        // instead of one per 20 ms
        StreamPolling polling = new StreamPolling(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(1));
        List<Long> roundNanos = new CopyOnWriteArrayList<>();
        List<StreamEntry> handed = new CopyOnWriteArrayList<>();
        reader = new PriceStreamReader(REDIS.client(), topology, SHARDS, polling, Duration.ofSeconds(1), "test");
        reader.position().await().atMost(WAIT);
        reader.start(entries -> {
            roundNanos.add(System.nanoTime());
            handed.addAll(entries);
        });
        // idle once two rounds in a row came at the idle pace (half a second or more apart: busy ones come every
        // 20 ms); a reader slow to go idle only makes this wait longer, it puts no busy rounds in the window below
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!lastTwoGapsAtLeast(roundNanos, Duration.ofMillis(500)) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertThat(lastTwoGapsAtLeast(roundNanos, Duration.ofMillis(500)))
                .as("two rounds in a row at the idle pace within " + WAIT)
                .isTrue();

        int roundsBefore = roundNanos.size();
        long windowStart = System.nanoTime();
        TimeUnit.MILLISECONDS.sleep(2000);
        int rounds = roundNanos.size() - roundsBefore;
        long windowSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - windowStart);
        // polling every 20 ms would be about 100 rounds; idle, a round a second: at most 4 in the 2 s window (a
        // slow machine only makes fewer, and a sleep that overran its 2 s is allowed a round per extra second)
        assertThat(rounds).as("rounds in %d s of idling", windowSeconds).isLessThanOrEqualTo((int) windowSeconds + 2);

        append("AMD", 5);
        deadline = System.nanoTime() + WAIT.toNanos();
        while (handed.isEmpty() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertThat(handed).extracting(entry -> entry.fields().get("symbol")).containsExactly("AMD");
    }

    /** Whether the last two gaps between the rounds at {@code roundNanos} are both at least {@code gap}. */
    private static boolean lastTwoGapsAtLeast(List<Long> roundNanos, Duration gap) {
        int n = roundNanos.size();
        return n >= 3
                && roundNanos.get(n - 1) - roundNanos.get(n - 2) >= gap.toNanos()
                && roundNanos.get(n - 2) - roundNanos.get(n - 3) >= gap.toNanos();
    }

    private static void append(String symbol, long second) {
        append(symbol, second, "*");
    }

    private static void append(String symbol, long second, String id) {
        StreamTick tick = new StreamTick(symbol, Instant.ofEpochSecond(second), second, 1, "", "");
        REDIS.client()
                .send(xadd(symbol, PriceStreamEntries.tick(tick, "other"), id))
                .await()
                .atMost(WAIT);
    }

    private static Request xadd(String symbol, Map<String, String> fields) {
        return xadd(symbol, fields, "*");
    }

    private static Request xadd(String symbol, Map<String, String> fields, String id) {
        Request xadd = Request.cmd(Command.XADD).arg(SHARDS.keyFor(symbol)).arg(id);
        fields.forEach((field, value) -> xadd.arg(field).arg(value));
        return xadd;
    }
}
