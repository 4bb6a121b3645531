package dev.capflow.basket.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.basket.fake.FakeIngestServer;
import dev.capflow.redis.PriceStreamEntries;
import dev.capflow.redis.PriceStreamShardCount;
import dev.capflow.testsupport.PostgresRedisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The writers of the price stream (ingest-service) record their shard count in Redis; basket-service, reading 16
 * shards, is not ready while they record another count, and says so naming both, on a real Redis.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "3"))
@QuarkusTestResource(FakeIngestServer.class)
class PriceStreamShardsReadinessTest {

    private static final String KEY = PriceStreamShardCount.key(PriceStreamEntries.DEFAULT_KEY);

    @TestHTTPResource("/q/health/ready")
    URI readiness;

    @AfterEach
    void forgetTheCount() {
        PostgresRedisResource.datastores().redisCommand("DEL", KEY);
    }

    private HttpResponse<String> ready() throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(readiness)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject shardsCheck(HttpResponse<String> response) {
        return new JsonObject(response.body())
                .getJsonArray("checks").stream()
                        .map(JsonObject.class::cast)
                        .filter(check -> check.getString("name").equals("price-stream-shards"))
                        .findFirst()
                        .orElseThrow();
    }

    @Test
    void writersRecordingAnotherShardCountMakeTheReaderUnreadyNamingBothCounts() throws Exception {
        PostgresRedisResource.datastores().redisCommand("SET", KEY, "8");

        HttpResponse<String> response = ready();
        assertThat(response.statusCode()).isEqualTo(503);
        JsonObject check = shardsCheck(response);
        assertThat(check.getString("status")).isEqualTo("DOWN");
        assertThat(check.getJsonObject("data").getString("shards"))
                .startsWith("this process uses 16 price stream shards, the price stream's writers (ingest-service) 8")
                .contains("Redis key capflow:prices:shard-count");
    }

    @Test
    void writersRecordingTheSameCountOrNoneLeaveTheReaderReady() throws Exception {
        HttpResponse<String> none = ready();
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(shardsCheck(none).getJsonObject("data").getString("shards")).isEqualTo("16 shards");

        PostgresRedisResource.datastores().redisCommand("SET", KEY, "16");
        HttpResponse<String> same = ready();
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(shardsCheck(same).getString("status")).isEqualTo("UP");
    }
}
