package dev.capflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.capflow.devstack.demo.LoadDemoCommand;
import dev.capflow.testsupport.Datastores;
import dev.capflow.testsupport.ProjectRoot;
import dev.capflow.testsupport.ServiceProcess;
import io.restassured.path.json.JsonPath;

/**
 * Baskets end to end: real ingest-service, basket-service and gateway processes on a real PostgreSQL and
 * Redis, the demo data loaded through the gateway, and the seeded baskets' performance read back through it.
 */
class GatewayBasketsIT {

    private static final String FROM = "2025-10-29";
    private static final String TO = "2025-12-31";

    private static Datastores stores;
    private static ServiceProcess ingest;
    private static ServiceProcess basket;
    private static ServiceProcess gateway;
    private static GatewayApi api;

    @BeforeAll
    static void startPlatformAndLoadDemo() throws Exception {
        stores = Datastores.start(4);
        ingest = ServiceProcess.start("ingest-service", ServiceEnv.ingest(stores));
        basket = ServiceProcess.start("basket-service", ServiceEnv.basket(stores, ingest));
        gateway = ServiceProcess.start("gateway", ServiceEnv.gateway(ingest, basket));
        api = new GatewayApi(gateway);
        int exit = new LoadDemoCommand().run(List.of(gateway.baseUrl(), ProjectRoot.path().resolve("demo").toString()));
        assertThat(exit).as("the demo data loads through the gateway without a failed call or rejected row")
                .isZero();
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        gateway.close();
        basket.close();
        ingest.close();
        stores.close();
    }

    @Test
    void theSeededBasketsAreListed() {
        JsonPath baskets = api.request().get("/api/v1/baskets").then().statusCode(200).extract().jsonPath();

        assertThat(baskets.getList("id", String.class)).contains("team-google", "team-openai");
        List<Map<String, Object>> members = baskets.getList("find { it.id == 'team-google' }.members");
        assertThat(members).extracting(member -> member.get("symbol"))
                .containsExactlyInAnyOrder("GOOGL", "AVGO", "CLS", "LITE", "TTMI");
    }

    @Test
    void teamGoogleOutperformsTeamOpenAiAndCompareSpreadIsTheDifferenceOfTotalReturns() {
        JsonPath google = performance("team-google");
        JsonPath openai = performance("team-openai");
        double googleReturn = google.getDouble("metrics.totalReturn");
        double openaiReturn = openai.getDouble("metrics.totalReturn");

        assertThat(google.getString("from")).isEqualTo(FROM);
        assertThat(google.getString("to")).isEqualTo(TO);
        List<Double> levels = google.getList("series.level", Double.class);
        assertThat(levels.get(0)).isEqualTo(100.0);
        assertThat(googleReturn).isCloseTo(levels.get(levels.size() - 1) / levels.get(0) - 1, within(1e-12));
        assertThat(googleReturn).as("Team Google beats Team OpenAI").isGreaterThan(openaiReturn);
        assertThat(google.getList("contributions.contribution", Double.class).stream().mapToDouble(Double::doubleValue)
                .sum()).as("contributions sum to the total return").isCloseTo(googleReturn, within(1e-12));

        JsonPath compare = api.request().queryParam("a", "team-google").queryParam("b", "team-openai")
                .queryParam("from", FROM).queryParam("to", TO)
                .get("/api/v1/compare").then().statusCode(200).extract().jsonPath();
        List<Double> spreads = compare.getList("series.spread", Double.class);
        assertThat(compare.getString("a")).isEqualTo("team-google");
        assertThat(compare.getList("series.date", String.class)).last().isEqualTo(TO);
        assertThat(spreads.get(spreads.size() - 1)).isCloseTo(googleReturn - openaiReturn, within(1e-12));
    }

    private static JsonPath performance(String basketId) {
        return api.request().queryParam("from", FROM).queryParam("to", TO).queryParam("benchmark", "QQQ")
                .get("/api/v1/baskets/{id}/performance", basketId)
                .then().statusCode(200).extract().jsonPath();
    }
}
