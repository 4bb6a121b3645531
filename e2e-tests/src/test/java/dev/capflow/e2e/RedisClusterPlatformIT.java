package dev.capflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.capflow.devstack.stack.ServiceProcess;
import dev.capflow.devstack.stack.StackDatastores;
import dev.capflow.devstack.stack.StackEnvironment;
import dev.capflow.redis.AnswerGenerationKeys;
import dev.capflow.redis.PriceStreamEntries;
import dev.capflow.testsupport.Datastores;
import dev.capflow.testsupport.RedisCluster;
import dev.capflow.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The platform (ingest-service, basket-service, gateway as real processes) on a local 3-master Redis Cluster, each
 * master with a replica, wired by devstack's cluster switch: ingest, a tick reaching a basket's live level stream, a
 * rate limit, a cached answer invalidated by a new bar; then one master's process is killed mid-stream and the
 * documented behaviour is checked: the API still answers (from PostgreSQL), and once the replica is promoted new ticks
 * reach the live levels again without a service restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisClusterPlatformIT {

    private static final List<String> MEMBERS = List.of("CLA", "CLB");
    private static final String BASKET_JSON = """
            {"name": "On a Redis Cluster", "currency": "USD", "baseDate": "2025-10-29",
             "members": [{"symbol": "CLA"}, {"symbol": "CLB"}]}""";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static RedisCluster cluster;
    private static Datastores stores;
    private static ServiceProcess ingest;
    private static ServiceProcess basket;
    private static ServiceProcess gateway;
    private static GatewayApi api;
    private static String basketId;

    @BeforeAll
    static void startPlatformOnACluster() {
        cluster = RedisCluster.start(3, 1);
        cluster.awaitReplicasInSync();
        stores = Datastores.start(11);
        StackDatastores onCluster = new StackDatastores(
                ServiceEnv.datastores(stores).database(), stores.user(), stores.password(), cluster.hosts(), true);
        StackEnvironment stack = ServiceEnv.stack(onCluster, "ingest-service", "basket-service", "gateway")
                .with(
                        "gateway",
                        Map.of(
                                "CAPFLOW_GATEWAY_RATE_LIMIT_WRITE_CAPACITY", "20",
                                "CAPFLOW_GATEWAY_RATE_LIMIT_WRITE_REFILL_PER_SECOND", "0.1"));
        ingest = ServiceEnv.start(stack, "ingest-service");
        basket = ServiceEnv.start(stack, "basket-service");
        gateway = ServiceEnv.start(stack, "gateway");
        api = new GatewayApi(gateway);
        MEMBERS.forEach(api::registerEquity);
        for (String symbol : MEMBERS) {
            postBar(symbol, "2025-10-29", 10);
            postBar(symbol, "2025-10-30", 11);
        }
        basketId = api.postJson("/baskets", BASKET_JSON)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {gateway, basket, ingest, stores, cluster}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    @Order(1)
    void aCachedAnswerIsServedUntilANewBarMovesItsGenerationOnTheCluster() {
        JsonPath first = performance();
        String generationKey = AnswerGenerationKeys.generation(AnswerGenerationKeys.DEFAULT_PREFIX, basketId);
        String generation = cluster.get(generationKey);
        assertThat(generation)
                .as("the basket's generation, in the {generations} slot")
                .isNotBlank();
        assertThat(performance().getList("series.date")).isEqualTo(first.getList("series.date"));

        postBar("CLA", "2025-10-31", 12);
        postBar("CLB", "2025-10-31", 12);

        await("the bars' change entries move the generation")
                .atMost(WAIT)
                .until(() -> !generation.equals(cluster.get(generationKey)));
        assertThat(performance().getList("series.date", String.class))
                .as("the new close is in the answer: the cached one was not served")
                .contains("2025-10-31");
    }

    @Test
    @Order(2)
    void aTickReachesTheBasketsLiveLevelThroughItsShard() throws Exception {
        try (EventStream levels = EventStream.open(gateway.baseUrl(), "/api/v1/stream/baskets/" + basketId)) {
            levels.next("level", WAIT);
            assertThat(postTickUntilALevelMoves(levels, "CLA", 13)).isNotNull();
        }
    }

    @Test
    @Order(3)
    void aBurstOfWritesFromOneCallerTripsItsSharedBucket() {
        String token = "Bearer " + TestTokens.shared().token("cluster-burst", Duration.ofHours(1), "ingest");
        int allowed = 0;
        int status = 200;
        while (status == 200 && allowed < 50) {
            status = api.anonymous()
                    .header("Authorization", token)
                    .contentType(ContentType.JSON)
                    .body(bar("CLA", "2025-10-29", 10))
                    .post("/api/v1/prices/bars")
                    .statusCode();
            allowed += status == 200 ? 1 : 0;
        }
        assertThat(status).as("an empty bucket").isEqualTo(429);
        assertThat(allowed).as("the bucket's capacity, counted in the cluster").isEqualTo(20);
    }

    @Test
    @Order(4)
    void whenAMasterDiesTheApiStillAnswersAndLiveLevelsResumeAfterTheFailoverWithoutARestart() throws Exception {
        long[] pids = {ingest.pid(), basket.pid(), gateway.pid()};
        try (EventStream levels = EventStream.open(gateway.baseUrl(), "/api/v1/stream/baskets/" + basketId)) {
            levels.next("level", WAIT);
            assertThat(postTickUntilALevelMoves(levels, "CLB", 14))
                    .as("before the kill")
                    .isNotNull();

            cluster.kill(cluster.masterOf(PriceStreamEntries.DEFAULT_SHARDING.keyFor("CLB")));

            // while the slot has no master: answers come from PostgreSQL, writes are stored, nothing hangs
            long started = System.nanoTime();
            assertThat(performance().getList("series.date", String.class)).contains("2025-10-31");
            api.postJson("/prices/ticks", tick("CLB", 15))
                    .then()
                    .statusCode(200)
                    .body("accepted", equalTo(1));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WAIT);

            cluster.awaitState(); // the replica is promoted
            assertThat(postTickUntilALevelMoves(levels, "CLB", 16))
                    .as("a tick after the failover reaches the live level")
                    .isNotNull();
        }
        assertThat(new long[] {ingest.pid(), basket.pid(), gateway.pid()})
                .as("no service restarted")
                .isEqualTo(pids);
        assertThat(ingest.isAlive() && basket.isAlive() && gateway.isAlive()).isTrue();
    }

    /** Posts ticks of {@code symbol} at {@code price} until a live level moves (null if none did in time). */
    private static JsonPath postTickUntilALevelMoves(EventStream levels, String symbol, double price)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            api.postJson("/prices/ticks", tick(symbol, price)).then().statusCode(200);
            EventStream.Event level = levels.poll("level", Duration.ofSeconds(1));
            if (level != null) {
                return level.json();
            }
        }
        return null;
    }

    private static JsonPath performance() {
        return api.request()
                .queryParam("from", "2025-10-29")
                .queryParam("to", "2025-12-31")
                .get("/api/v1/baskets/{id}/performance", basketId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void postBar(String symbol, String date, double close) {
        api.postJson("/prices/bars", bar(symbol, date, close)).then().statusCode(200);
    }

    private static String bar(String symbol, String date, double close) {
        return "[{\"symbol\": \"" + symbol + "\", \"date\": \"" + date + "\", \"open\": " + close + ", \"high\": "
                + close + ", \"low\": " + close + ", \"close\": " + close + ", \"volume\": 1000}]";
    }

    private static String tick(String symbol, double price) {
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return "[{\"symbol\": \"" + symbol + "\", \"ts\": \"" + ts + "\", \"price\": " + price + ", \"size\": 1}]";
    }
}
