package dev.capflow.basket.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.capflow.basket.fake.FakeIngestServer;
import dev.capflow.proto.basket.v1.CompareRequest;
import dev.capflow.proto.basket.v1.CompareResponse;
import dev.capflow.proto.basket.v1.CreateBasketRequest;
import dev.capflow.proto.basket.v1.GetPerformanceRequest;
import dev.capflow.proto.basket.v1.GetPerformanceResponse;
import dev.capflow.testsupport.PostgresRedisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** With Redis unreachable, baskets are still stored and every answer is still correct, computed directly. */
@QuarkusTest
@TestProfile(RedisDownProfile.class)
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "3"))
@QuarkusTestResource(FakeIngestServer.class)
class RedisDownTest extends GrpcTestBase {

    @ConfigProperty(name = "quarkus.redis.hosts")
    String redisHosts;

    @Test
    void answersAreComputedDirectlyAndCorrectly() throws IOException {
        assertThat(redisHosts).doesNotEndWith(":6379/3");
        JsonObject fixture = new JsonObject(Files.readString(
                Path.of("..", "basket-engine", "src", "test", "resources", "fixtures", "team-google.json")));
        double expected = fixture.getJsonArray("windows")
                .getJsonObject(0)
                .getJsonObject("metrics")
                .getDouble("totalReturn");

        for (int attempt = 0; attempt < 2; attempt++) {
            GetPerformanceResponse answer = client().getPerformance(GetPerformanceRequest.newBuilder()
                    .setBasketId("team-google")
                    .build());
            assertThat(answer.getMetrics().getTotalReturn()).isCloseTo(expected, offset(1e-9 * Math.abs(expected)));
        }
        CompareResponse comparison = client().compare(CompareRequest.newBuilder()
                .setBasketIdA("team-google")
                .setBasketIdB("team-openai")
                .build());
        assertThat(comparison.getSeries(comparison.getSeriesCount() - 1).getSpread())
                .isGreaterThan(0.3);
        assertThat(client().createBasket(CreateBasketRequest.newBuilder()
                                .setBasket(equalBasket("while-redis-is-down", "NVDA", "AMD"))
                                .build())
                        .getBasket()
                        .getVersion())
                .isZero();
    }
}
