package dev.capflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.redis.PriceStreamEntries.StreamTick;
import dev.capflow.testsupport.RedisCluster;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The sharded price stream on a real 3-master Redis Cluster (each master with one replica): the shards spread over
 * the masters, the reader follows all of them in order per symbol, and when one master's process is killed the reader
 * reports failing (the Vert.x cluster client answers nothing while a node it knows is unreachable) and then, once the
 * replica is promoted, reads every shard again without a new reader, after the last entry it saw. The writers' recorded
 * shard count is checked there too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShardedPriceStreamClusterTest {

    /** Never idle: the tests wait for entries right after writing them. */
    private static final StreamPolling POLLING =
            new StreamPolling(Duration.ofMillis(20), Duration.ofHours(1), Duration.ofMillis(20));

    private static final PriceStreamEntries.Shards SHARDS =
            new PriceStreamEntries.Shards(PriceStreamEntries.DEFAULT_KEY, 16);
    private static final List<String> SYMBOLS =
            IntStream.range(0, 40).mapToObj(i -> "S" + i).toList();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static RedisCluster cluster;
    private static Vertx vertx;
    private static Redis redis;
    private PriceStreamReader reader;

    @BeforeAll
    static void startCluster() {
        cluster = RedisCluster.start(3, 1);
        cluster.awaitReplicasInSync();
        vertx = Vertx.vertx();
        // the services' pool: a round reads every shard at once, and a cluster command takes a connection to each
        // master
        RedisOptions options = new RedisOptions()
                .setType(RedisClientType.CLUSTER)
                .setMaxPoolSize(16)
                .setMaxPoolWaiting(4096);
        cluster.nodes().forEach(node -> options.addConnectionString(node.uri()));
        redis = Redis.createClient(vertx, options);
    }

    @AfterAll
    static void stopCluster() {
        if (redis != null) {
            redis.close();
            vertx.closeAndAwait();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void stopReader() {
        if (reader != null) {
            reader.stop();
        }
    }

    @Test
    @Order(1)
    void theShardsSpreadOverEveryMasterAndTheReaderFollowsThemAllInOrderPerSymbol() {
        assertThat(SHARDS.keys().stream()
                        .map(key -> cluster.masterOf(key).port())
                        .collect(Collectors.toSet()))
                .as("no single master carries every shard")
                .hasSize(3);
        List<StreamEntry> handed = new CopyOnWriteArrayList<>();
        reader = new PriceStreamReader(redis, RedisTopology.CLUSTER, SHARDS, POLLING, Duration.ofSeconds(2), "test");
        reader.position().await().atMost(WAIT);
        reader.start(handed::addAll);

        for (int second = 1; second <= 5; second++) {
            for (String symbol : SYMBOLS) {
                append(symbol, second);
            }
        }

        await(() -> handed.size() == SYMBOLS.size() * 5, "every tick read");
        Map<String, List<Long>> secondsBySymbol = new LinkedHashMap<>();
        handed.stream()
                .map(entry -> PriceStreamEntries.decodeTick(entry.fields()))
                .forEach(tick -> secondsBySymbol
                        .computeIfAbsent(tick.symbol(), symbol -> new ArrayList<>())
                        .add(tick.ts().getEpochSecond()));
        assertThat(secondsBySymbol.keySet()).containsExactlyInAnyOrderElementsOf(SYMBOLS);
        secondsBySymbol.values().forEach(seconds -> assertThat(seconds).containsExactly(1L, 2L, 3L, 4L, 5L));
    }

    @Test
    @Order(2)
    void aReaderWithAnotherShardCountThanTheWritersIsNotAgreedOnTheClusterToo() {
        Duration timeout = Duration.ofSeconds(5);
        assertThat(new PriceStreamShardCount(redis, SHARDS, timeout)
                        .record()
                        .await()
                        .atMost(WAIT))
                .isEmpty();
        assertThat(new PriceStreamShardCount(redis, SHARDS, timeout)
                        .agreement()
                        .await()
                        .atMost(WAIT)
                        .agreed())
                .isTrue();
        PriceStreamShardCount.Agreement eight = new PriceStreamShardCount(
                        redis, new PriceStreamEntries.Shards(PriceStreamEntries.DEFAULT_KEY, 8), timeout)
                .agreement()
                .await()
                .atMost(WAIT);
        assertThat(eight.agreed()).isFalse();
        assertThat(eight.detail()).startsWith("this process uses 8 price stream shards, the price stream's writers");
    }

    @Test
    @Order(3)
    void whenAMasterDiesReadingPausesAndResumesOnThePromotedReplicaAfterTheLastEntrySeen() {
        RecordingHandler handler = new RecordingHandler();
        reader = new PriceStreamReader(redis, RedisTopology.CLUSTER, SHARDS, POLLING, Duration.ofSeconds(1), "test");
        reader.position().await().atMost(WAIT);
        reader.start(handler);
        String victimSymbol = SYMBOLS.get(0);
        RedisCluster.Node victim = cluster.masterOf(SHARDS.keyFor(victimSymbol));
        Set<String> survivors = SYMBOLS.stream()
                .filter(symbol -> cluster.masterOf(SHARDS.keyFor(symbol)).port() != victim.port())
                .collect(Collectors.toSet());
        append(victimSymbol, 100);
        await(() -> seconds(handler.handed, victimSymbol).contains(100L), "the tick before the kill");

        cluster.kill(victim);

        await(() -> !handler.failures.isEmpty(), "reading reported failing while the master is down");
        cluster.awaitState(); // its replica is promoted after the node timeout
        appendEventually(victimSymbol, 300);
        survivors.forEach(symbol -> appendEventually(symbol, 200));
        await(
                () -> seconds(handler.handed, victimSymbol).contains(300L),
                "the shard read again on the promoted replica");
        await(
                () -> survivors.stream()
                        .allMatch(symbol -> seconds(handler.handed, symbol).contains(200L)),
                "the other masters' shards read again");
        assertThat(seconds(handler.handed, victimSymbol))
                .as("read once each, in order")
                .containsExactly(100L, 300L);
    }

    private static List<Long> seconds(List<StreamEntry> entries, String symbol) {
        return entries.stream()
                .map(entry -> PriceStreamEntries.decodeTick(entry.fields()))
                .filter(tick -> tick.symbol().equals(symbol))
                .map(tick -> tick.ts().getEpochSecond())
                .toList();
    }

    private static void append(String symbol, long second) {
        StreamTick tick = new StreamTick(symbol, Instant.ofEpochSecond(second), second, 1, "", "");
        Request xadd = Request.cmd(Command.XADD).arg(SHARDS.keyFor(symbol)).arg("*");
        PriceStreamEntries.tick(tick, "writer")
                .forEach((field, value) -> xadd.arg(field).arg(value));
        redis.send(xadd).await().atMost(WAIT);
    }

    /** A writer retries until the client has learned the new master of the slot. */
    private static void appendEventually(String symbol, long second) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                append(symbol, second);
                return;
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                sleep();
            }
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            sleep();
        }
    }

    private static void sleep() {
        try {
            TimeUnit.MILLISECONDS.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
