package dev.capflow.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.capflow.devstack.stack.ServiceProcess;
import dev.capflow.devstack.stack.StackEnvironment;
import dev.capflow.testsupport.Datastores;
import dev.capflow.testsupport.TcpProxy;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis goes away under a running platform: writes through the gateway are still stored and reported,
 * latest prices come from PostgreSQL, and once Redis is back the same processes use it again.
 */
class RedisOutageThroughGatewayIT {

    private static final int REDIS_DB = 3;
    private static final String SYMBOL = "OUTAGE";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Instant BASE = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    private static Datastores stores;
    private static TcpProxy redisProxy;
    private static ServiceProcess ingest;
    private static ServiceProcess gateway;
    private static GatewayApi api;

    @BeforeAll
    static void startPlatform() {
        stores = Datastores.start(REDIS_DB);
        redisProxy = TcpProxy.start(stores.redisHost(), stores.redisPort());
        StackEnvironment stack = ServiceEnv.stack(ServiceEnv.datastores(stores), "ingest-service", "gateway")
                .with(
                        "ingest-service",
                        Map.of(
                                "QUARKUS_REDIS_HOSTS",
                                "redis://127.0.0.1:" + redisProxy.port()
                                        + URI.create(stores.redisUrl()).getPath()));
        ingest = ServiceEnv.start(stack, "ingest-service");
        gateway = ServiceEnv.start(stack, "gateway");
        api = new GatewayApi(gateway);
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        gateway.close();
        ingest.close();
        redisProxy.close();
        stores.close();
    }

    @Test
    void pricesAreStoredAndServedWithoutRedisAndTheCacheCatchesUpWhenRedisReturns() throws Exception {
        api.registerEquity(SYMBOL);
        postTick(0, 10.0);
        await("the tick reaches the Redis cache")
                .atMost(WAIT)
                .until(() -> cachedLatest().contains("\"price\":10.0"));

        redisProxy.cut();
        long ingestPid = ingest.pid();
        Instant started = Instant.now();
        postTick(60, 11.0);
        postTick(90, 11.5);
        String yesterday =
                LocalDate.ofInstant(BASE, ZoneOffset.UTC).minusDays(1).toString();
        api.postJson("/prices/bars", """
                [{"symbol": "%s", "date": "%s", "open": 9.0, "high": 9.75, "low": 8.5, "close": 9.5, "volume": 1000}]""".formatted(SYMBOL, yesterday))
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected", empty());
        assertThat(Duration.between(started, Instant.now()))
                .as("writes do not wait for Redis")
                .isLessThan(Duration.ofSeconds(5));

        assertLatest(11.5, BASE.plusSeconds(90));
        assertThat(cachedLatest()).as("Redis itself missed the outage").contains("\"price\":10.0");
        assertThat(readiness()).as("ingest-service stays ready, Redis degraded").containsEntry("redis", "degraded");

        redisProxy.restore();
        await("ingest-service reaches Redis again")
                .atMost(WAIT)
                .until(() -> "up".equals(readiness().get("redis")));
        assertLatest(11.5, BASE.plusSeconds(90));

        int[] second = {120};
        await("a tick stored after the outage reaches Redis")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    postTick(second[0]++, 12.0);
                    return cachedLatest().contains("\"price\":12.0");
                });
        assertLatest(12.0, BASE.plusSeconds(second[0] - 1));
        assertThat(ingest.pid()).as("no restart").isEqualTo(ingestPid);
        assertThat(ingest.isAlive()).isTrue();
    }

    private static void postTick(int second, double price) {
        api.postJson("/prices/ticks", """
                [{"symbol": "%s", "ts": "%s", "price": %s, "size": 5}]""".formatted(SYMBOL, BASE.plusSeconds(second), price))
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected", empty());
    }

    private static void assertLatest(double price, Instant ts) {
        JsonPath latest = api.request()
                .queryParam("symbols", SYMBOL)
                .get("/api/v1/prices/latest")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(latest.getList("symbol")).containsExactly(SYMBOL);
        assertThat(latest.getDouble("[0].price")).isEqualTo(price);
        assertThat(Instant.parse(latest.getString("[0].ts"))).isEqualTo(ts);
        assertThat(latest.getString("[0].source")).isEqualTo("TICK");
    }

    /** The raw RESP reply to HGET of the latest-price hash, read from Redis directly (not through the proxy). */
    private static String cachedLatest() {
        return stores.redisCommand("HGET", "capflow:latest", SYMBOL);
    }

    /** The data of ingest-service's Redis readiness check (the service must stay ready whatever Redis does). */
    private static Map<String, Object> readiness() {
        return given().get(ingest.baseUrl() + "/q/health/ready")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("checks.find { it.name == 'redis' }.data");
    }
}
