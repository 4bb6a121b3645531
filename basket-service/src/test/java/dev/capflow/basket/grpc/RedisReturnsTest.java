package dev.capflow.basket.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import dev.capflow.basket.fake.FakeIngestServer;
import dev.capflow.proto.basket.v1.CreateBasketRequest;
import dev.capflow.proto.basket.v1.GetPerformanceRequest;
import dev.capflow.proto.basket.v1.GetPerformanceResponse;
import dev.capflow.proto.basket.v1.WatchBasketRequest;
import dev.capflow.proto.basket.v1.WatchBasketResponse;
import dev.capflow.redis.PriceStreamEntries;
import dev.capflow.testsupport.PostgresRedisResource;
import dev.capflow.testsupport.RedisProxyResource;
import io.grpc.Context;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redis goes away and comes back while basket-service runs: answers stay correct meanwhile (computed directly), and
 * once Redis answers again the live stream resumes by itself (an entry added during the outage is delivered to a
 * watcher that was open all along, and new watchers work), and answers are cached again. A Redis too slow to answer a
 * stream read in time, or one that cannot be reached, loses nothing and moves no answer generation (a change entry
 * written meanwhile moves the generations of its baskets once read); entries trimmed away before they were read move
 * every generation.
 */
@QuarkusTest
@TestProfile(RedisProxyProfile.class)
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "3"))
@QuarkusTestResource(FakeIngestServer.class)
class RedisReturnsTest extends GrpcTestBase {

    @ConfigProperty(name = "quarkus.redis.hosts")
    String redisHosts;

    @AfterEach
    void restoreRedis() {
        RedisProxyResource.proxy().restore();
    }

    /** Written straight to Redis, not through the proxy: what ingest-service would publish. */
    /** A tick as ingest-service handles one: stored as the symbol's latest price, then published on the stream. */
    private static void tick(String symbol, double price, Instant ts) {
        FakeIngestServer.service().tick(symbol, price, ts);
        PostgresRedisResource.datastores()
                .redisCommand(
                        "XADD",
                        PriceStreamEntries.DEFAULT_SHARDING.keyFor(symbol),
                        "*",
                        "symbol",
                        symbol,
                        "price",
                        Double.toString(price),
                        "size",
                        "1",
                        "ts",
                        ts.toString(),
                        "origin",
                        "ingest-test");
    }

    private GetPerformanceResponse performance(String id) {
        return client().getPerformance(
                        GetPerformanceRequest.newBuilder().setBasketId(id).build());
    }

    private static int batchCalls() {
        return FakeIngestServer.service().streamRequests().size();
    }

    @Test
    void aStreamReadThatTimesOutMovesNoGenerationAndLosesNothing() throws Exception {
        try (Watch watch = watchNewBasket("slow-redis", "SLOW")) {
            String generation = generation("slow-redis");

            RedisProxyResource.proxy().delay(Duration.ofSeconds(1)); // every stream read times out (300 ms + its block)
            tick("SLOW", 30, Instant.now());
            assertThat(watch.levels().poll(3, TimeUnit.SECONDS))
                    .as("no live level while every read times out")
                    .isNull();
            RedisProxyResource.proxy().restore();

            WatchBasketResponse resumed = watch.levels().poll(30, TimeUnit.SECONDS);
            assertThat(resumed).as("the entry written meanwhile arrives").isNotNull();
            assertThat(resumed.getLevel()).isCloseTo(watch.lastClose() + 0.5 * 100 / 10 * (30 - 20), offset(1e-9));
            // a repair would have run before the entry was handed over
            assertThat(generation("slow-redis")).as("no generation moved").isEqualTo(generation);
        }
    }

    @Test
    void entriesTrimmedAwayBeforeTheyWereReadMoveEveryGeneration() throws Exception {
        try (Watch watch = watchNewBasket("trimmed", "TRIM")) {
            String generation = readsTimingOutAfterATickAt30(watch, "trimmed", "TRIM"); // no repair for that alone
            tick("TRIM", 40, Instant.now());
            tick("TRIM", 50, Instant.now());
            // the reader's position (the tick at 30) and the tick at 40 are gone before it read them
            PostgresRedisResource.datastores()
                    .redisCommand("XTRIM", PriceStreamEntries.DEFAULT_SHARDING.keyFor("TRIM"), "MAXLEN", "1");
            RedisProxyResource.proxy().restore();

            WatchBasketResponse resumed = watch.levels().poll(30, TimeUnit.SECONDS);
            assertThat(resumed).as("what the stream still holds arrives").isNotNull();
            assertThat(resumed.getLevel()).isCloseTo(watch.lastClose() + 0.5 * 100 / 10 * (50 - 20), offset(1e-9));
            assertThat(generation("trimmed"))
                    .as("every generation moved: a change entry may have been trimmed away")
                    .isNotEqualTo(generation);
        }
    }

    @Test
    void aStreamEmptiedBeforeItsTicksWereReadMovesTheLiveLevelToTheStoredPrices() throws Exception {
        try (Watch watch = watchNewBasket("emptied", "EMPT")) {
            readsTimingOutAfterATickAt30(watch, "emptied", "EMPT"); // the next read checks the shard
            // ingest-service stores a tick at 40 and publishes it, then the stream is gone (Redis restarted empty)
            tick("EMPT", 40, Instant.now());
            PostgresRedisResource.datastores().redisCommand("DEL", PriceStreamEntries.DEFAULT_SHARDING.keyFor("EMPT"));
            RedisProxyResource.proxy().restore();

            WatchBasketResponse reloaded = watch.levels().poll(30, TimeUnit.SECONDS);
            assertThat(reloaded)
                    .as("no tick is left to move it: the loss itself computes the level again")
                    .isNotNull();
            assertThat(reloaded.getLevel()).isCloseTo(watch.lastClose() + 0.5 * 100 / 10 * (40 - 20), offset(1e-9));
        }
    }

    @Test
    void redisUnreachableMovesNoGenerationAndAChangeEntryWrittenMeanwhileMovesItsBaskets() throws Exception {
        FakeIngestServer.service().addClose("CUTB", "2025-10-29", 10);
        FakeIngestServer.service().addClose("CUTB", "2025-12-31", 20);
        client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(equalBasket("cut-unchanged", "CUTB", "NVDA"))
                .build());
        performance("cut-unchanged"); // creates its generation
        try (Watch watch = watchNewBasket("cut-changed", "CUTA")) {
            String changed = generation("cut-changed");
            String unchanged = generation("cut-unchanged");

            RedisProxyResource.proxy().cut(); // reads fail (connections dropped and refused), not time out
            assertThat(watch.levels().poll(2, TimeUnit.SECONDS)).isNull();
            // what ingest-service's outbox appends, for the history of CUTA only, then a tick to know the reader read
            // it
            PostgresRedisResource.datastores()
                    .redisCommand(
                            "XADD",
                            PriceStreamEntries.DEFAULT_SHARDING.keyFor("CUTA"),
                            "*",
                            "kind",
                            PriceStreamEntries.BARS,
                            "symbols",
                            "CUTA",
                            "origin",
                            "ingest-test");
            tick("CUTA", 30, Instant.now());
            RedisProxyResource.proxy().restore();

            assertThat(watch.levels().poll(30, TimeUnit.SECONDS))
                    .as("the reader resumed past the change entry")
                    .isNotNull();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !generation("cut-changed").equals(changed));
            // a repair of every generation would have run before the round's entries were handed over
            assertThat(generation("cut-unchanged"))
                    .as("Redis unreachable alone moves no generation")
                    .isEqualTo(unchanged);
        }
    }

    /** The raw reply to GET of {@code basketId}'s generation, read from Redis directly. */
    private static String generation(String basketId) {
        String reply = PostgresRedisResource.datastores()
                .redisCommand("GET", "capflow:basket:{generations}:" + basketId + ":generation");
        assertThat(reply).as("the generation of " + basketId).contains("$");
        return reply;
    }

    /** A watch of a new basket of {@code symbol} (closes 10 then 20) and NVDA, after its first level and answer. */
    /**
     * A tick at 30 read by the watch (so the reader has a position), then reads delayed past their timeout; answers
     * the basket's answer generation at that point.
     */
    private String readsTimingOutAfterATickAt30(Watch watch, String basketId, String symbol) throws Exception {
        tick(symbol, 30, Instant.now());
        assertThat(watch.levels().poll(20, TimeUnit.SECONDS))
                .as("the reader is at the tick")
                .isNotNull();
        String generation = generation(basketId);
        RedisProxyResource.proxy().delay(Duration.ofSeconds(1));
        assertThat(watch.levels().poll(3, TimeUnit.SECONDS)).isNull();
        return generation;
    }

    private Watch watchNewBasket(String basketId, String symbol) throws Exception {
        FakeIngestServer.service().addClose(symbol, "2025-10-29", 10);
        FakeIngestServer.service().addClose(symbol, "2025-12-31", 20);
        client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(equalBasket(basketId, symbol, "NVDA"))
                .build());
        GetPerformanceResponse answer = performance(basketId); // creates the generation
        Context.CancellableContext call = Context.current().withCancellation();
        BlockingQueue<WatchBasketResponse> levels = new LinkedBlockingQueue<>();
        Iterator<WatchBasketResponse> watcher = call.call(() -> blockingStub
                .withDeadlineAfter(60, TimeUnit.SECONDS)
                .watchBasket(
                        WatchBasketRequest.newBuilder().setBasketId(basketId).build()));
        Thread reader = new Thread(() -> watcher.forEachRemaining(levels::add));
        reader.setDaemon(true);
        reader.start();
        assertThat(levels.poll(20, TimeUnit.SECONDS)).as("the first level").isNotNull();
        return new Watch(
                call, levels, answer.getSeries(answer.getSeriesCount() - 1).getLevel());
    }

    /** An open watch: its levels as they come, and the level at the basket's last close. */
    private record Watch(Context.CancellableContext call, BlockingQueue<WatchBasketResponse> levels, double lastClose)
            implements AutoCloseable {

        @Override
        public void close() {
            call.cancel(null);
        }
    }

    @Test
    void liveUpdatesAndCachingResumeWhenRedisReturns() throws Exception {
        assertThat(redisHosts)
                .as("the service talks to Redis through the proxy")
                .contains("127.0.0.1:" + RedisProxyResource.proxy().port() + "/");
        FakeIngestServer.service().addClose("BACK", "2025-10-29", 10);
        FakeIngestServer.service().addClose("BACK", "2025-12-31", 20);
        client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(equalBasket("redis-returns", "BACK", "NVDA"))
                .build());
        GetPerformanceResponse expected = performance("redis-returns");
        double lastClose = expected.getSeries(expected.getSeriesCount() - 1).getLevel();

        Context.CancellableContext call = Context.current().withCancellation();
        BlockingQueue<WatchBasketResponse> levels = new LinkedBlockingQueue<>();
        try {
            Iterator<WatchBasketResponse> watcher = call.call(() -> blockingStub
                    .withDeadlineAfter(60, TimeUnit.SECONDS)
                    .watchBasket(WatchBasketRequest.newBuilder()
                            .setBasketId("redis-returns")
                            .build()));
            Thread reader = new Thread(() -> watcher.forEachRemaining(levels::add));
            reader.setDaemon(true);
            reader.start();
            WatchBasketResponse start = levels.poll(20, TimeUnit.SECONDS);
            assertThat(start.getLevel()).isCloseTo(lastClose, offset(1e-9));

            RedisProxyResource.proxy().cut();
            for (int i = 0; i < 2; i++) {
                assertThat(performance("redis-returns"))
                        .as("computed directly while Redis is away")
                        .isEqualTo(expected);
            }
            Instant during = Instant.now();
            tick("BACK", 30, during); // the service cannot read it yet
            assertThat(levels.poll(2, TimeUnit.SECONDS))
                    .as("no live level while the stream cannot be read")
                    .isNull();

            RedisProxyResource.proxy().restore();
            WatchBasketResponse resumed = levels.poll(30, TimeUnit.SECONDS);
            assertThat(resumed)
                    .as("the entry added during the outage arrives once Redis returns")
                    .isNotNull();
            // buy-and-hold: BACK holds 0.5 * 100 / 10 units, now at 30 instead of 20
            assertThat(resumed.getLevel()).isCloseTo(lastClose + 0.5 * 100 / 10 * (30 - 20), offset(1e-9));
            assertThat(resumed.getTs().getSeconds()).isEqualTo(during.getEpochSecond());
        } finally {
            call.cancel(null);
        }

        // a new watcher after the outage sees the next tick too
        Context.CancellableContext second = Context.current().withCancellation();
        try {
            Iterator<WatchBasketResponse> watcher =
                    second.call(() -> client().watchBasket(WatchBasketRequest.newBuilder()
                            .setBasketId("redis-returns")
                            .build()));
            watcher.next();
            tick("BACK", 40, Instant.now());
            assertThat(watcher.next().getLevel()).isCloseTo(lastClose + 0.5 * 100 / 10 * (40 - 20), offset(1e-9));
        } finally {
            second.cancel(null);
        }

        // answers are cached again: after one computation, the same question reads no history
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    performance("redis-returns");
                    int before = batchCalls();
                    performance("redis-returns");
                    return batchCalls() == before;
                });
        assertThat(performance("redis-returns")).isEqualTo(expected);
        assertThat(PostgresRedisResource.datastores()
                        .redisCommand("EXISTS", "capflow:basket:{generations}:redis-returns:generation"))
                .endsWith(":1\r\n");
    }
}
