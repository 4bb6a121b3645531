package dev.capflow.basket.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.offset;

import dev.capflow.basket.fake.FakeIngestServer;
import dev.capflow.proto.basket.v1.Basket;
import dev.capflow.proto.basket.v1.CreateBasketRequest;
import dev.capflow.proto.basket.v1.DeleteBasketRequest;
import dev.capflow.proto.basket.v1.GetPerformanceRequest;
import dev.capflow.proto.basket.v1.LevelPoint;
import dev.capflow.proto.basket.v1.UpdateBasketRequest;
import dev.capflow.proto.basket.v1.WatchBasketRequest;
import dev.capflow.proto.basket.v1.WatchBasketResponse;
import dev.capflow.redis.PriceStreamEntries;
import dev.capflow.redis.PriceStreamEntries.StreamTick;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * WatchBasket: the level from the latest prices first, then a new level when a member's tick arrives on the price stream
 * or the basket is edited, and a final message when it is deleted.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "3"))
@QuarkusTestResource(FakeIngestServer.class)
class WatchBasketGrpcTest extends GrpcTestBase {

    @Test
    void aTickForAMemberMovesTheLiveLevel() throws Exception {
        // the call is cancelled through its context at the end, so it does not outlive the test
        Context.CancellableContext call = Context.current().withCancellation();
        try {
            Iterator<WatchBasketResponse> watcher = watch(call, "team-google");
            WatchBasketResponse start = watcher.next();
            double lastClose = teamGoogleLastClose();
            assertThat(start.getBasketId()).isEqualTo("team-google");
            assertThat(start.getLevel()).isCloseTo(lastClose, offset(1e-9));
            assertThat(start.getTs().getSeconds())
                    .isEqualTo(Instant.parse("2025-12-31T00:00:00Z").getEpochSecond());

            double liteBase = close("LITE", "2025-10-29");
            double liteLast = close("LITE", "2025-12-31");
            double tick = liteLast * 1.5;
            Instant now = Instant.now();
            PostgresRedisResource.datastores()
                    .redisCommand(
                            "XADD",
                            PriceStreamEntries.DEFAULT_SHARDING.keyFor("LITE"),
                            "*",
                            "symbol",
                            "LITE",
                            "price",
                            Double.toString(tick),
                            "size",
                            "100",
                            "ts",
                            now.toString(),
                            "origin",
                            "test");
            PostgresRedisResource.datastores()
                    .redisCommand(
                            "XADD",
                            PriceStreamEntries.DEFAULT_SHARDING.keyFor("NOT-A-MEMBER"),
                            "*",
                            "symbol",
                            "NOT-A-MEMBER",
                            "price",
                            "1.0",
                            "size",
                            "1",
                            "ts",
                            now.toString(),
                            "origin",
                            "test");

            WatchBasketResponse moved = watcher.next();
            // buy-and-hold: LITE holds 0.2 * 100 / P(base) units, so its move adds units * (tick - last close)
            double expected = lastClose + 0.2 * 100 / liteBase * (tick - liteLast);
            assertThat(moved.getLevel()).isCloseTo(expected, offset(1e-9));
            assertThat(moved.getTs().getSeconds()).isEqualTo(now.getEpochSecond());
        } finally {
            call.cancel(null);
        }
    }

    @Test
    void theTicksOfAPackedEntryMoveTheLiveLevelInOrderAndAMalformedEntryIsSkipped() throws Exception {
        Context.CancellableContext call = Context.current().withCancellation();
        try {
            Iterator<WatchBasketResponse> watcher = watch(call, "team-google");
            watcher.next();
            double liteBase = close("LITE", "2025-10-29");
            double liteLast = close("LITE", "2025-12-31");
            Instant now = Instant.now();
            String shard = PriceStreamEntries.DEFAULT_SHARDING.keyFor("LITE");
            PostgresRedisResource.datastores()
                    .redisCommand("XADD", shard, "*", "ticks", "LITE\tnot-a-price", "origin", "test");
            List<StreamTick> ticks = List.of(
                    new StreamTick("LITE", now.minusSeconds(1), liteLast * 1.2, 1, "", ""),
                    new StreamTick("LITE", now, liteLast * 1.5, 1, "", ""));
            List<String> xadd = new ArrayList<>(List.of("XADD", shard, "*"));
            PriceStreamEntries.packed(ticks, "test").forEach((field, value) -> {
                xadd.add(field);
                xadd.add(value);
            });
            PostgresRedisResource.datastores().redisCommand(xadd.toArray(String[]::new));

            WatchBasketResponse moved = watcher.next();
            if (moved.getTs().getSeconds() != now.getEpochSecond()) {
                moved = watcher.next(); // the first tick's level came on its own
            }
            double expected = teamGoogleLastClose() + 0.2 * 100 / liteBase * (liteLast * 1.5 - liteLast);
            assertThat(moved.getTs().getSeconds()).isEqualTo(now.getEpochSecond());
            assertThat(moved.getLevel()).isCloseTo(expected, offset(1e-9));
        } finally {
            call.cancel(null);
        }
    }

    @Test
    void aWatchFollowsAnUpdateAtOnceAndEndsWithAFinalMessageOnDelete() throws Exception {
        Basket created = client().createBasket(CreateBasketRequest.newBuilder()
                        .setBasket(equalBasket("watched-edits", "NVDA", "AMD"))
                        .build())
                .getBasket();
        Context.CancellableContext call = Context.current().withCancellation();
        try {
            Iterator<WatchBasketResponse> watcher = watch(call, "watched-edits");
            WatchBasketResponse start = watcher.next();
            assertThat(start.getBasketVersion()).isEqualTo(created.getVersion());
            assertThat(start.getLevel()).isCloseTo(lastLevel("watched-edits"), offset(1e-9));

            Basket updated = client().updateBasket(UpdateBasketRequest.newBuilder()
                            .setBasket(equalBasket("watched-edits", "NVDA").setVersion(created.getVersion()))
                            .build())
                    .getBasket();
            WatchBasketResponse afterUpdate = watcher.next(); // no tick arrives: only the edit can produce it
            assertThat(afterUpdate.getBasketVersion())
                    .isEqualTo(updated.getVersion())
                    .isNotEqualTo(created.getVersion());
            assertThat(afterUpdate.getLevel())
                    .as("the level of the new definition")
                    .isCloseTo(lastLevel("watched-edits"), offset(1e-9))
                    .isNotCloseTo(start.getLevel(), offset(1e-6));
            assertThat(afterUpdate.getDeleted()).isFalse();

            client().deleteBasket(DeleteBasketRequest.newBuilder()
                    .setBasketId("watched-edits")
                    .build());
            WatchBasketResponse last = watcher.next();
            assertThat(last.getDeleted()).isTrue();
            assertThat(last.getBasketId()).isEqualTo("watched-edits");
            assertThat(last.getBasketVersion()).isEqualTo(updated.getVersion());
            assertThat(watcher.hasNext())
                    .as("the stream completes after the final message")
                    .isFalse();
        } finally {
            call.cancel(null);
        }

        Iterator<WatchBasketResponse> late = client().watchBasket(WatchBasketRequest.newBuilder()
                .setBasketId("watched-edits")
                .build());
        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, late::hasNext);
        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void aHistoryChangeOfAMemberMovesTheLiveLevelWithoutATick() throws Exception {
        FakeIngestServer.service().addClose("RLDA", "2025-10-29", 40);
        FakeIngestServer.service().addClose("RLDA", "2025-12-31", 50);
        FakeIngestServer.service().addClose("RLDB", "2025-10-29", 20);
        FakeIngestServer.service().addClose("RLDB", "2025-12-31", 30);
        client().createBasket(CreateBasketRequest.newBuilder()
                .setBasket(equalBasket("watched-history", "RLDA", "RLDB"))
                .build());
        Context.CancellableContext call = Context.current().withCancellation();
        try {
            Iterator<WatchBasketResponse> watcher = watchWithDeadline(call, "watched-history");
            WatchBasketResponse start = watcher.next();

            // a correction reaches ingest-service's history and latest price, and only a change entry says so
            FakeIngestServer.service().addClose("RLDA", "2026-01-02", 65);
            PostgresRedisResource.datastores()
                    .redisCommand(
                            "XADD",
                            PriceStreamEntries.DEFAULT_SHARDING.keyFor("RLDA"),
                            "*",
                            "kind",
                            "bars",
                            "symbols",
                            "RLDA",
                            "origin",
                            "test");

            WatchBasketResponse reloaded = watcher.next();
            assertThat(reloaded.getLevel())
                    .as("the level of the changed history, with no tick")
                    .isCloseTo(lastLevel("watched-history"), offset(1e-9))
                    .isNotCloseTo(start.getLevel(), offset(1e-6));
        } finally {
            call.cancel(null);
        }
    }

    /** A watch that fails with DEADLINE_EXCEEDED rather than waiting for ever for a level that never comes. */
    private Iterator<WatchBasketResponse> watchWithDeadline(Context.CancellableContext call, String basketId)
            throws Exception {
        return call.call(() -> client().withDeadlineAfter(30, TimeUnit.SECONDS)
                .watchBasket(
                        WatchBasketRequest.newBuilder().setBasketId(basketId).build()));
    }

    /** The last level of the basket's history as GetPerformance computes it: the live level while no tick moved it. */
    private double lastLevel(String basketId) {
        List<LevelPoint> series = client().getPerformance(
                        GetPerformanceRequest.newBuilder().setBasketId(basketId).build())
                .getSeriesList();
        return series.get(series.size() - 1).getLevel();
    }

    @Test
    void watchingAnUnknownBasketIsNotFound() {
        Iterator<WatchBasketResponse> watcher = client().watchBasket(
                        WatchBasketRequest.newBuilder().setBasketId("nope").build());

        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, watcher::hasNext);
        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    /** team-google's level at its last daily close, from basket-engine's fixture. */
    private static double teamGoogleLastClose() throws IOException {
        JsonArray series = new JsonObject(Files.readString(
                        Path.of("..", "basket-engine", "src", "test", "resources", "fixtures", "team-google.json")))
                .getJsonArray("series");
        return series.getJsonObject(series.size() - 1).getDouble("level");
    }

    private static double close(String symbol, String date) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "demo", "prices", symbol + ".csv"));
        return lines.stream()
                .filter(line -> line.startsWith(date + ","))
                .map(line -> Double.parseDouble(line.split(",")[1]))
                .findFirst()
                .orElseThrow();
    }

    /** Watches {@code basketId} within {@code call}, which the test cancels at its end. */
    private Iterator<WatchBasketResponse> watch(Context.CancellableContext call, String basketId) throws Exception {
        return call.call(() -> client().watchBasket(
                        WatchBasketRequest.newBuilder().setBasketId(basketId).build()));
    }
}
