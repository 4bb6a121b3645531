package dev.capflow.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.google.protobuf.Timestamp;
import dev.capflow.gateway.fake.Answer;
import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.proto.ingest.v1.Adjustment;
import dev.capflow.proto.ingest.v1.DailyBar;
import dev.capflow.proto.ingest.v1.GetBarsRequest;
import dev.capflow.proto.ingest.v1.GetBarsResponse;
import dev.capflow.proto.ingest.v1.GetLatestPricesResponse;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.LatestPrice;
import dev.capflow.proto.ingest.v1.PriceSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(FakeIngestServer.class)
class PriceQueryRoutesTest extends GatewayTest {

    @Test
    void barsPassTheRangeAndAdjustmentAndMapEveryField() {
        fake.script(
                IngestServiceGrpc.getGetBarsMethod(),
                Answer.reply(GetBarsResponse.newBuilder()
                        .setSymbol("NVDA")
                        .setAdjustment(Adjustment.ADJUSTMENT_SPLIT)
                        .addBars(DailyBar.newBuilder()
                                .setSymbol("NVDA")
                                .setDate("2025-10-29")
                                .setOpen(207.98)
                                .setHigh(212.19)
                                .setLow(205.51)
                                .setClose(207.04)
                                .setVolume(308_829_700L))
                        .addBars(DailyBar.newBuilder()
                                .setSymbol("NVDA")
                                .setDate("2025-10-30")
                                .setClose(202.89))
                        .build()));

        given().queryParam("from", "2025-10-01")
                .queryParam("to", "2025-10-31")
                .queryParam("adjusted", "split")
                .when()
                .get("/api/v1/prices/NVDA/bars")
                .then()
                .statusCode(200)
                .body("symbol", equalTo("NVDA"))
                .body("adjustment", equalTo("SPLIT"))
                .body("bars.date", contains("2025-10-29", "2025-10-30"))
                .body("bars[0].open", equalTo(207.98f))
                .body("bars[0].high", equalTo(212.19f))
                .body("bars[0].low", equalTo(205.51f))
                .body("bars[0].close", equalTo(207.04f))
                .body("bars[0].volume", equalTo(308_829_700))
                .body("bars[0]", not(hasKey("symbol")));

        assertThat(fake.requests(IngestServiceGrpc.getGetBarsMethod()))
                .containsExactly(GetBarsRequest.newBuilder()
                        .setSymbol("NVDA")
                        .setFrom("2025-10-01")
                        .setTo("2025-10-31")
                        .setAdjustment(Adjustment.ADJUSTMENT_SPLIT)
                        .build());
    }

    @ParameterizedTest
    @CsvSource({
        ",ADJUSTMENT_NONE",
        "false,ADJUSTMENT_NONE",
        "none,ADJUSTMENT_NONE",
        "split,ADJUSTMENT_SPLIT",
        "true,ADJUSTMENT_TOTAL_RETURN",
        "total,ADJUSTMENT_TOTAL_RETURN",
        "TRUE,ADJUSTMENT_TOTAL_RETURN"
    })
    void adjustedSelectsTheAdjustment(String adjusted, Adjustment expected) {
        fake.script(
                IngestServiceGrpc.getGetBarsMethod(),
                Answer.reply(GetBarsResponse.newBuilder()
                        .setSymbol("NVDA")
                        .setAdjustment(expected)
                        .build()));

        var request = given();
        if (adjusted != null) {
            request.queryParam("adjusted", adjusted);
        }
        request.when().get("/api/v1/prices/NVDA/bars").then().statusCode(200);

        GetBarsRequest sent =
                fake.requests(IngestServiceGrpc.getGetBarsMethod()).get(0);
        assertThat(sent.getAdjustment()).isEqualTo(expected);
        assertThat(sent.getFrom()).as("no lower bound").isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "from=2025-13-01, from, must be an ISO-8601 date such as 2025-10-29",
        "to=yesterday, to, must be an ISO-8601 date such as 2025-10-29",
        "from=2025-11-01&to=2025-10-01, from, must not be after to",
        "adjusted=dividends, adjusted, 'must be one of false, none, split, true, total'"
    })
    void badQueryParametersAre400NamingTheParameter(String query, String field, String reason) {
        given().when()
                .get("/api/v1/prices/NVDA/bars?" + query)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo(field))
                .body("violations[0].reason", equalTo(reason));

        assertThat(fake.requests(IngestServiceGrpc.getGetBarsMethod())).isEmpty();
    }

    @Test
    void latestPricesSendTheSymbolsInOrderAndMapTimestampAndSource() {
        fake.script(
                IngestServiceGrpc.getGetLatestPricesMethod(),
                Answer.reply(GetLatestPricesResponse.newBuilder()
                        .addPrices(LatestPrice.newBuilder()
                                .setSymbol("NVDA")
                                .setPrice(207.04)
                                .setTs(Timestamp.newBuilder().setSeconds(1_761_768_000L))
                                .setSource(PriceSource.PRICE_SOURCE_DAILY_CLOSE))
                        .addPrices(LatestPrice.newBuilder()
                                .setSymbol("MSFT")
                                .setPrice(541.55)
                                .setTs(Timestamp.newBuilder()
                                        .setSeconds(1_761_836_531L)
                                        .setNanos(500_000_000))
                                .setSource(PriceSource.PRICE_SOURCE_TICK))
                        .build()));

        given().queryParam("symbols", "NVDA, MSFT")
                .queryParam("symbols", "AMD")
                .when()
                .get("/api/v1/prices/latest")
                .then()
                .statusCode(200)
                .body("symbol", contains("NVDA", "MSFT"))
                .body("price", contains(207.04f, 541.55f))
                .body("ts", contains("2025-10-29T20:00:00Z", "2025-10-30T15:02:11.500Z"))
                .body("source", contains("DAILY_CLOSE", "TICK"));

        assertThat(fake.requests(IngestServiceGrpc.getGetLatestPricesMethod())
                        .get(0)
                        .getSymbolsList())
                .containsExactly("NVDA", "MSFT", "AMD");
    }

    @Test
    void latestPricesWithoutSymbolsIs400NamingSymbols() {
        given().when()
                .get("/api/v1/prices/latest")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("symbols"));
    }
}
