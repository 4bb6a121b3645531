package dev.capflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.capflow.testsupport.ProjectRoot;
import dev.capflow.testsupport.SyntheticPrices;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A basket larger than any one 4 MiB gRPC message could carry, end to end: 120 synthetic members with 10 years of
 * daily bars (313,000 bars, about 19 MB as one GetBarsBatch answer) loaded through the gateway, the basket created and its
 * performance read through the gateway, equal to pandas ({@code bench/large_basket_pandas.py}) within 1e-9 relative.
 */
class LargeBasketIT {

    private static final String FIXTURE = "large-120-members-10-years";
    private static final int BARS_PER_REQUEST = 40_000;

    private static DemoPlatform platform;
    private static GatewayApi api;
    private static JsonPath fixture;

    @BeforeAll
    static void startPlatformAndLoadTenYears() throws Exception {
        fixture = new JsonPath(Files.readString(
                        ProjectRoot.path().resolve("basket-service/src/test/resources/fixtures/" + FIXTURE + ".json")))
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        platform = DemoPlatform.start(false);
        api = platform.api();
        int members = fixture.getInt("members");
        LocalDate from = LocalDate.parse(fixture.getString("baseDate")).minusDays(14);
        LocalDate to = LocalDate.parse(fixture.getString("to"));
        List<String> bars = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            api.registerEquity(SyntheticPrices.symbol(i));
            for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
                if (SyntheticPrices.trades(i, date)) {
                    double close = SyntheticPrices.close(i, date);
                    bars.add(String.format(
                            Locale.ROOT,
                            "{\"symbol\":\"%s\",\"date\":\"%s\",\"open\":%s,\"high\":%s,"
                                    + "\"low\":%s,\"close\":%s,\"volume\":1000}",
                            SyntheticPrices.symbol(i),
                            date,
                            close,
                            close,
                            close,
                            close));
                }
            }
        }
        for (int start = 0; start < bars.size(); start += BARS_PER_REQUEST) {
            List<String> chunk = bars.subList(start, Math.min(bars.size(), start + BARS_PER_REQUEST));
            JsonPath report = api.postJson("/prices/bars", "[" + String.join(",", chunk) + "]")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(report.getInt("accepted")).isEqualTo(chunk.size());
        }
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        platform.close();
    }

    @Test
    void aBasketLargerThanOneMessageAnswersThroughTheGatewayEqualToPandas() {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < fixture.getInt("members"); i++) {
            members.append(i == 0 ? "" : ",")
                    .append("{\"symbol\":\"")
                    .append(SyntheticPrices.symbol(i))
                    .append("\"}");
        }
        String basket = "{\"id\":\"large-120\",\"name\":\"120 members, 10 years\",\"currency\":\"USD\","
                + "\"baseDate\":\"" + fixture.getString("baseDate") + "\",\"weighting\":\"EQUAL\",\"members\":["
                + members + "]}";
        // just after the bulk load a busy machine may time a downstream call out (503/504): create and read are tried
        // again (a create that landed before its answer was lost is a 409 on the next try)
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> List.of(201, 409)
                        .contains(api.postJson("/baskets", basket).statusCode()));

        AtomicReference<Response> cold = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    cold.set(api.request()
                            .queryParam("to", fixture.getString("to"))
                            .get("/api/v1/baskets/large-120/performance"));
                    return cold.get().statusCode() == 200;
                });
        JsonPath answer = cold.get().jsonPath();

        for (String metric : List.of("totalReturn", "annualizedReturn", "annualizedVolatility", "maxDrawdown")) {
            assertClose(answer.getDouble("metrics." + metric), fixture.getDouble("metrics." + metric));
        }
        assertThat(answer.getString("metrics.maxDrawdownTrough"))
                .isEqualTo(fixture.getString("metrics.maxDrawdownTrough"));
        List<Double> levels = answer.getList("series.level", Double.class);
        List<Double> expected = fixture.getList("series.level", Double.class);
        assertThat(answer.getList("series.date", String.class))
                .containsExactlyElementsOf(fixture.getList("series.date", String.class));
        assertThat(levels).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertClose(levels.get(i), expected.get(i));
        }
    }

    private static void assertClose(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(1e-9 * Math.max(1.0, Math.abs(expected))));
    }
}
