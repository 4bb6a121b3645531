package dev.capflow.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Timestamp;
import dev.capflow.proto.ingest.v1.GetLatestPricesRequest;
import dev.capflow.proto.ingest.v1.GetLatestPricesResponse;
import dev.capflow.proto.ingest.v1.IngestBarsRequest;
import dev.capflow.proto.ingest.v1.LatestPrice;
import dev.capflow.proto.ingest.v1.PriceSource;
import dev.capflow.testsupport.PostgresRedisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PostgresRedisResource.class, initArgs = @ResourceArg(name = "redis-db", value = "1"))
class LatestPricesGrpcTest extends GrpcTestBase {

    private static final Instant TICK_TS = Instant.parse("2025-10-28T15:00:00Z");

    private GetLatestPricesResponse latest(String... symbols) {
        return client().getLatestPrices(GetLatestPricesRequest.newBuilder()
                .addAllSymbols(java.util.List.of(symbols))
                .build());
    }

    private static long seconds(Timestamp ts) {
        return ts.getSeconds();
    }

    @Test
    void answersFromRedisAndFallsBackToPostgresqlForWhatRedisLacks() throws Exception {
        register("LPA");
        register("LPB");
        register("LPC");
        streamTicks(batch(1, tick("LPA", TICK_TS, 11.5, 100)));
        // bars of the same day are older than the tick (a close is stamped at 00:00 UTC): the hash keeps the tick
        client().ingestBars(IngestBarsRequest.newBuilder()
                .addBars(bar("LPA", "2025-10-27", 10))
                .addBars(bar("LPA", "2025-10-28", 11))
                .addBars(bar("LPB", "2025-10-28", 20))
                .build());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(redis("HGET", "capflow:latest", "LPA")).contains("\"price\":11.5");
            assertThat(redis("HGET", "capflow:latest", "LPB")).contains("\"price\":20.0");
        });

        GetLatestPricesResponse both = latest("LPC", "lpb", "LPA");
        assertThat(both.getPricesList())
                .extracting(LatestPrice::getSymbol, LatestPrice::getPrice, LatestPrice::getSource)
                .containsExactly(
                        tuple("LPB", 20.0, PriceSource.PRICE_SOURCE_DAILY_CLOSE),
                        tuple("LPA", 11.5, PriceSource.PRICE_SOURCE_TICK));
        assertThat(seconds(both.getPrices(0).getTs()))
                .isEqualTo(Instant.parse("2025-10-28T00:00:00Z").getEpochSecond());
        assertThat(seconds(both.getPrices(1).getTs())).isEqualTo(TICK_TS.getEpochSecond());

        // the hash is what answers first: a value only Redis has proves it
        redis(
                "HSET",
                "capflow:latest",
                "LPB",
                "{\"price\":99.5,\"ts\":" + Instant.now().toEpochMilli() + ",\"source\":\"DAILY_CLOSE\"}");
        assertThat(latest("LPB").getPrices(0).getPrice()).isEqualTo(99.5);

        // without the hash, PostgreSQL answers, and the answer refills the hash
        redis("DEL", "capflow:latest");
        assertThat(latest("LPB", "LPA").getPricesList())
                .extracting(LatestPrice::getSymbol, LatestPrice::getPrice)
                .containsExactly(tuple("LPB", 20.0), tuple("LPA", 11.5));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(redis("HGET", "capflow:latest", "LPB")).contains("\"price\":20.0"));
    }

    @Test
    void anEmptyRequestIsInvalid() throws Exception {
        BarsGrpcTest.assertField(() -> latest(), "symbols");
    }
}
