package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capflow.ingest.pricestream.PriceStreamReader;
import dev.capflow.ingest.stream.PriceFanout;
import dev.capflow.proto.common.v1.IngestReport;
import dev.capflow.proto.ingest.v1.AddCorporateActionRequest;
import dev.capflow.proto.ingest.v1.CorporateAction;
import dev.capflow.proto.ingest.v1.CorporateActionKind;
import dev.capflow.proto.ingest.v1.GetLatestPricesRequest;
import dev.capflow.proto.ingest.v1.IngestBarsRequest;
import dev.capflow.proto.ingest.v1.LatestPrice;
import dev.capflow.proto.ingest.v1.PriceSource;
import dev.capflow.proto.ingest.v1.SubscribePricesResponse;
import dev.capflow.testsupport.PostgresRedisResource;
import dev.capflow.testsupport.RedisProxyResource;
import io.grpc.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redis goes away and comes back while the service runs: ingest keeps answering (PostgreSQL is the
 * truth), latest prices come from PostgreSQL, readiness stays UP with redis "degraded", local
 * subscribers still get ticks; once Redis returns, the same process writes to and reads from it again, and the change
 * entries of history changed meanwhile (kept in PostgreSQL's outbox) reach the price stream. Subscribers are told when
 * price stream entries were lost before this process read them.
 */
@QuarkusTest
@TestProfile(RedisOutageProfile.class)
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class RedisOutageTest extends GrpcTestBase {

    private static final Instant BASE = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @GrpcClient("ingest")
    Channel channel;

    @Inject
    PriceFanout fanout;

    @Inject
    PriceStreamReader streamReader;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "quarkus.redis.hosts")
    String redisHosts;

    @TestHTTPResource("/q/health/ready")
    URI readiness;

    @AfterEach
    void restoreRedis() {
        RedisProxyResource.proxy().restore();
    }

    private IngestReport ingestTick(int second, double price) {
        return streamTicks(batch(1, tick("OUT", BASE.plusSeconds(second), price, 1)))
                .get(0)
                .getReport();
    }

    private LatestPrice latest() {
        return client().getLatestPrices(
                        GetLatestPricesRequest.newBuilder().addSymbols("OUT").build())
                .getPrices(0);
    }

    private double publishFailures() {
        return meters.get("capflow.ingest.redis.publish.failures").counter().count();
    }

    private static void remoteTick(String symbol, int second, double price) {
        redis(
                "XADD",
                GrpcTestBase.streamKey(symbol),
                "*",
                "symbol",
                symbol,
                "price",
                Double.toString(price),
                "size",
                "1",
                "ts",
                BASE.plusSeconds(second).toString(),
                "origin",
                "another-replica");
    }

    @Test
    void subscribersAreToldWhenPriceStreamEntriesWereLostBeforeTheyWereRead() throws Exception {
        register("OUTL");
        remoteTick("OUTL", 0, 20); // the reader is positioned at it
        PriceSubscription subscriber = PriceSubscription.start(channel, -1, "OUTL");
        await().atMost(Duration.ofSeconds(5)).until(() -> fanout.subscriberCount() == 1 && streamReader.reading());

        RedisProxyResource.proxy().delay(Duration.ofSeconds(1)); // reads time out: the next one checks for a loss
        Thread.sleep(1_500);
        redis("DEL", GrpcTestBase.streamKey("OUTL")); // the reader's position is gone, with whatever followed it
        remoteTick("OUTL", 10, 21);
        RedisProxyResource.proxy().restore();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> !subscriber.received().isEmpty());
        List<SubscribePricesResponse> messages = subscriber.messages();
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).hasLost())
                .as("the loss is told before what follows it")
                .isTrue();
        assertThat(messages.get(0).getLost().getReason()).isNotBlank();
        assertThat(messages.get(0).getSequence())
                .as("no tick numbered before it")
                .isZero();
        assertThat(messages.get(1).getTick().getPrice()).isEqualTo(21);
        assertThat(messages.get(1).getSequence())
                .as("the notice takes no number")
                .isEqualTo(1);
        subscriber.cancel();
    }

    private static long outboxRows(String symbol) throws SQLException {
        return sqlLong("SELECT count(*) FROM ingest.history_change_outbox WHERE '" + symbol + "' = ANY(symbols)");
    }

    @Test
    void historyChangedWhileRedisIsUnreachableIsAnnouncedOnceItReturns() throws Exception {
        register("OUTCH");
        RedisProxyResource.proxy().cut();
        double failuresBefore = publishFailures();
        client().ingestBars(IngestBarsRequest.newBuilder()
                .addBars(bar("OUTCH", "2025-11-03", 10))
                .build());
        client().addCorporateAction(AddCorporateActionRequest.newBuilder()
                .setAction(CorporateAction.newBuilder()
                        .setSymbol("OUTCH")
                        .setExDate("2025-11-20")
                        .setKind(CorporateActionKind.CORPORATE_ACTION_KIND_SPLIT)
                        .setRatio(2))
                .build());
        await().atMost(Duration.ofSeconds(20)).until(() -> publishFailures() > failuresBefore + 1);
        assertThat(outboxRows("OUTCH"))
                .as("both change entries are kept in PostgreSQL (which a restart keeps) until Redis takes them")
                .isEqualTo(2);

        RedisProxyResource.proxy().restore();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> changeEntries("bars", "OUTCH") == 1 && changeEntries("corporate-action", "OUTCH") == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxRows("OUTCH") == 0);
        assertThat(changeEntries("bars", "OUTCH")).as("appended once").isEqualTo(1);
    }

    @Test
    void ingestAndLatestPricesSurviveARedisOutageAndRedisIsUsedAgainOnceItReturns() throws Exception {
        assertThat(redisHosts)
                .as("the service talks to Redis through the proxy")
                .contains("127.0.0.1:" + RedisProxyResource.proxy().port() + "/");
        register("OUT");
        ingestTick(0, 10);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(redis("HGET", "capflow:latest", "OUT")).contains("\"price\":10.0"));
        PriceSubscription local = PriceSubscription.start(channel, -1, "OUT");
        await().atMost(Duration.ofSeconds(10)).until(() -> fanout.subscriberCount() == 1);

        RedisProxyResource.proxy().cut();
        double failuresBefore = publishFailures();
        long started = System.nanoTime();
        IngestReport ticks = ingestTick(60, 11);
        String yesterday =
                BASE.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1).toString();
        IngestReport bars = client().ingestBars(IngestBarsRequest.newBuilder()
                        .addBars(bar("OUT", yesterday, 9.5))
                        .build())
                .getReport();
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("ingest does not wait for Redis")
                .isLessThan(Duration.ofSeconds(3));
        assertThat(ticks.getAccepted()).isEqualTo(1);
        assertThat(bars.getAccepted()).isEqualTo(1);

        LatestPrice fromDatabase = latest();
        assertThat(fromDatabase.getPrice()).isEqualTo(11);
        assertThat(fromDatabase.getSource()).isEqualTo(PriceSource.PRICE_SOURCE_TICK);
        await().atMost(Duration.ofSeconds(10)).until(() -> local.received().size() == 1);
        assertThat(local.received().get(0).getPrice())
                .as("delivered locally while Redis is down")
                .isEqualTo(11);
        await().atMost(Duration.ofSeconds(10)).until(() -> publishFailures() > failuresBefore);
        assertThat(redis("HGET", "capflow:latest", "OUT"))
                .as("Redis missed the outage")
                .contains("\"price\":10.0");
        assertThat(PlatformTest.redisReadiness(readiness).getString("redis")).isEqualTo("degraded");

        RedisProxyResource.proxy().restore();
        // the hash missed the outage: the first read after it answers from PostgreSQL and rewrites the hash
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "up".equals(PlatformTest.redisReadiness(readiness).getString("redis")));
        assertThat(latest().getPrice()).as("not the stale cached price").isEqualTo(11);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(redis("HGET", "capflow:latest", "OUT")).contains("\"price\":11.0"));
        int[] second = {120};
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    ingestTick(second[0]++, 12);
                    assertThat(redis("HGET", "capflow:latest", "OUT")).contains("\"price\":12.0");
                });
        assertThat(PlatformTest.redisReadiness(readiness).getString("redis")).isEqualTo("up");
        assertThat(latest().getPrice()).isEqualTo(12);

        // the stream reader reconnected too: a tick of another replica reaches the local subscriber
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    redis(
                            "XADD",
                            GrpcTestBase.streamKey("OUT"),
                            "*",
                            "symbol",
                            "OUT",
                            "price",
                            "13.5",
                            "size",
                            "1",
                            "ts",
                            BASE.plusSeconds(5_000).toString(),
                            "origin",
                            "another-replica");
                    return local.received().stream().anyMatch(tick -> tick.getPrice() == 13.5);
                });
        local.cancel();
    }
}
