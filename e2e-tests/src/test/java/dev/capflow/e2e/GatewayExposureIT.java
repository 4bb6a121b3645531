package dev.capflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.capflow.testsupport.ProjectRoot;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The funding graph end to end: real ingest-service, basket-service, exposure-service and gateway processes on a
 * real PostgreSQL and Redis, the demo prices loaded through the gateway, and the seed graph's loops, look-through
 * and stress answers read back through it and checked against figures computed here from the demo files.
 */
class GatewayExposureIT {

    private static final String AS_OF = "2025-12-31";
    private static final double OPENAI_MARK = 500e9;

    private static DemoPlatform platform;
    private static GatewayApi api;

    @BeforeAll
    static void startPlatformAndLoadDemo() throws Exception {
        platform = DemoPlatform.start(true);
        api = platform.api();
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        platform.close();
    }

    @Test
    void theNvidiaOpenAiOracleLoopIsListedWithItsSources() {
        JsonPath loops = api.request()
                .queryParam("asOf", AS_OF)
                .get("/api/v1/exposure/loops")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        List<Map<String, Object>> found =
                loops.getList("loops.findAll { it.entities == ['nvidia', 'openai', 'oracle'] }");
        assertThat(found).as("Nvidia -> OpenAI -> Oracle -> Nvidia").hasSize(1);
        String loop = "loops.find { it.entities == ['nvidia', 'openai', 'oracle'] }.";
        assertThat(loops.getList(loop + "edges.sourceRow", String.class))
                .containsExactlyInAnyOrder("E12", "E14", "E15");
        assertThat(loops.getList(loop + "edges.source", String.class))
                .allSatisfy(source -> assertThat(source).startsWith("http"));
        assertThat(loops.getDouble(loop + "bottleneckUsd")).isEqualTo(40e9);
        assertThat(loops.getDouble(loop + "totalUsd")).isEqualTo(440e9);
        assertThat(loops.getBoolean("truncated")).isFalse();
    }

    @Test
    void softBanksAndMicrosoftsLookThroughToOpenAiMatchTheDemoFigures() throws IOException {
        JsonPath answer = api.request()
                .queryParam("target", "openai")
                .queryParam("asOf", AS_OF)
                .get("/api/v1/exposure/lookthrough")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(answer.getDouble("targetValueUsd")).isEqualTo(OPENAI_MARK);

        // SoftBank: 9984.T's last close (carried to the as-of date) times its post-split share count, converted at the
        // DEXJPUS rate of that date, as a yen member of a dollar basket is (not Yahoo's USDJPY)
        double softbankValue = lastClose("9984.T") * 5_711_848_120L / lastClose("DEXJPUS");
        Map<String, Object> softbank = answer.getMap("exposures.find { it.entity == 'softbank' }");
        assertThat((Double) softbank.get("valueUsd")).isCloseTo(softbankValue, within(softbankValue * 1e-9));
        assertThat((Double) softbank.get("totalShare")).isCloseTo(0.11, within(1e-12));
        assertThat((Double) softbank.get("valueAtStakeUsd")).isCloseTo(0.11 * OPENAI_MARK, within(1e-3));
        assertThat((Double) softbank.get("fractionOfOwnValue"))
                .as("about a third of SoftBank's own value is its OpenAI stake")
                .isCloseTo(0.11 * OPENAI_MARK / softbankValue, within(1e-9))
                .isBetween(0.3, 0.4);

        double microsoftValue = lastClose("MSFT") * 7_432_377_655L;
        Map<String, Object> microsoft = answer.getMap("exposures.find { it.entity == 'microsoft' }");
        assertThat((Double) microsoft.get("totalShare")).isCloseTo(0.27, within(1e-12));
        assertThat((Double) microsoft.get("fractionOfOwnValue"))
                .isCloseTo(0.27 * OPENAI_MARK / microsoftValue, within(1e-9));
        assertThat((Double) microsoft.get("contractedInflowUsd"))
                .as("the $250B Azure commitment")
                .isEqualTo(250e9);
        assertThat((Double) microsoft.get("inflowToRevenue")).isCloseTo(250e9 / 281_724_000_000.0, within(1e-12));
    }

    @Test
    void halvingOpenAiHurtsTeamOpenAiMoreThanTeamGoogleUnderBothModels() {
        for (String model : List.of("CROSS_HOLDINGS", "DEBTRANK")) {
            JsonPath stress = stress(model);
            assertThat(stress.getString("model")).isEqualTo(model);
            assertThat(stress.getString("basketsUnavailable")).isNull();
            double openai = stress.getDouble("baskets.find { it.basketId == 'team-openai' }.levelChange");
            double google = stress.getDouble("baskets.find { it.basketId == 'team-google' }.levelChange");
            assertThat(openai).as(model + ": Team OpenAI falls").isNegative();
            assertThat(openai)
                    .as(model + ": Team OpenAI falls more than Team Google")
                    .isLessThan(google);
            assertThat(stress.getDouble("entities.find { it.entity == 'openai' }.relativeChange"))
                    .isNegative();
        }
    }

    @Test
    void crossHoldingsImpactsEqualAnIndependentLeontiefSolution() {
        JsonPath stress = stress("CROSS_HOLDINGS");
        List<Map<String, Object>> entities = stress.getList("entities");
        Map<String, Double> values = new HashMap<>();
        entities.forEach(entity -> values.put((String) entity.get("entity"), (Double) entity.get("valueUsd")));
        List<Map<String, Object>> stakes = api.request()
                .queryParam("asOf", AS_OF)
                .get("/api/v1/exposure/edges")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.kind == 'EQUITY' }");

        Map<String, Double> expected = Leontief.shockedValues(values, stakes, "openai", -0.5);
        for (Map<String, Object> entity : entities) {
            String id = (String) entity.get("entity");
            double relative = expected.get(id) / values.get(id) - 1;
            assertThat((Double) entity.get("relativeChange")).as(id).isCloseTo(relative, within(1e-9));
            assertThat((Double) entity.get("valueLostUsd"))
                    .as(id)
                    .isCloseTo(relative * values.get(id), within(values.get(id) * 1e-9));
        }

        // the basket impact is the value-weighted change of its members' entities, weights from its own performance
        JsonPath performance = api.request()
                .get("/api/v1/baskets/team-openai/performance")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, String> entityOf = Map.of(
                "NVDA",
                "nvidia",
                "MSFT",
                "microsoft",
                "SFTBY",
                "softbank",
                "ORCL",
                "oracle",
                "AMD",
                "amd",
                "CRWV",
                "coreweave");
        List<Map<String, Object>> contributions = performance.getList("contributions");
        // team-openai is held since its base date (no rebalance): a member's end weight is its grown target weight
        double grown = contributions.stream()
                .mapToDouble(c -> (Double) c.get("weight") * (1 + (Double) c.get("return")))
                .sum();
        double change = 0;
        for (Map<String, Object> contribution : contributions) {
            double endWeight = (Double) contribution.get("weight") * (1 + (Double) contribution.get("return")) / grown;
            assertThat((Double) contribution.get("endWeight"))
                    .as("end weight of " + contribution.get("symbol"))
                    .isCloseTo(endWeight, within(1e-12));
            String id = entityOf.get((String) contribution.get("symbol"));
            change += endWeight * (expected.get(id) / values.get(id) - 1);
        }
        assertThat(stress.getDouble("baskets.find { it.basketId == 'team-openai' }.levelChange"))
                .isCloseTo(change, within(1e-9));
    }

    /**
     * CLEARING on the seed graph, OpenAI given a hypothetical $200B of cash through the gateway (the seed records none),
     * its resources halved: every payment and unpaid receivable equals a plain fixed-point iteration of the
     * specification over the entities and edges read back through the gateway, to 1e-9; OpenAI and SoftBank default,
     * and OpenAI's creditors go unpaid.
     */
    @Test
    void halvingOpenAisResourcesUnderClearingMatchesAPlainIterationOfTheSpecification() {
        int version = api.request()
                .get("/api/v1/exposure/entities/openai")
                .then()
                .statusCode(200)
                .extract()
                .path("version");
        api.request()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "OpenAI",
                        "kind",
                        "PRIVATE",
                        "valuationUsd",
                        OPENAI_MARK,
                        "valuationAsOf",
                        "2025-10-02",
                        "cashUsd",
                        200e9,
                        "cashAsOf",
                        AS_OF,
                        "cashSource",
                        "hypothetical, for this test",
                        "version",
                        version))
                .put("/api/v1/exposure/entities/openai")
                .then()
                .statusCode(200);

        JsonPath stress = stress("CLEARING");
        List<Map<String, Object>> entities = stress.getList("entities");
        Map<String, Double> resources = new HashMap<>();
        for (Map<String, Object> entity : api.request()
                .get("/api/v1/exposure/entities")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<Map<String, Object>>getList("$")) {
            double cash = entity.get("cashUsd") == null ? 0 : ((Number) entity.get("cashUsd")).doubleValue();
            double revenue = entity.get("revenueUsd") == null ? 0 : ((Number) entity.get("revenueUsd")).doubleValue();
            resources.put((String) entity.get("id"), cash + 5 * revenue);
        }
        List<Map<String, Object>> edges = api.request()
                .queryParam("asOf", AS_OF)
                .get("/api/v1/exposure/edges")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { (it.kind == 'INVESTMENT' || it.kind == 'PURCHASE') && it.amountUsd != null }");
        PlainClearing plain = new PlainClearing(edges);
        Map<String, Double> baseline = plain.clear(resources);
        Map<String, Double> shockedResources = new HashMap<>(resources);
        shockedResources.put("openai", resources.get("openai") * 0.5);
        Map<String, Double> shocked = plain.clear(shockedResources);

        String worst = null;
        double worstLoss = 0;
        for (Map<String, Object> entity : entities) {
            String id = (String) entity.get("entity");
            Map<?, ?> before = (Map<?, ?>) entity.get("clearingBaseline");
            Map<?, ?> after = (Map<?, ?>) entity.get("clearingShocked");
            double scale = Math.max(1, plain.owed(id));
            assertThat(((Number) before.get("paidUsd")).doubleValue())
                    .as(id)
                    .isCloseTo(baseline.getOrDefault(id, 0.0), within(1e-9 * scale));
            assertThat(((Number) after.get("paidUsd")).doubleValue())
                    .as(id)
                    .isCloseTo(shocked.getOrDefault(id, 0.0), within(1e-9 * scale));
            double unpaidBefore = plain.unpaid(id, baseline);
            double unpaidAfter = plain.unpaid(id, shocked);
            double receivables = Math.max(1, plain.receivable(id));
            assertThat(((Number) before.get("unpaidReceivablesUsd")).doubleValue())
                    .as(id)
                    .isCloseTo(unpaidBefore, within(1e-9 * receivables));
            assertThat(((Number) after.get("unpaidReceivablesUsd")).doubleValue())
                    .as(id)
                    .isCloseTo(unpaidAfter, within(1e-9 * receivables));
            double value = ((Number) entity.get("valueUsd")).doubleValue();
            double expectedChange = -(unpaidAfter - unpaidBefore) / value;
            assertThat(((Number) entity.get("relativeChange")).doubleValue())
                    .as(id)
                    .isCloseTo(expectedChange, within(1e-9 * receivables / value));
            double loss = unpaidBefore - unpaidAfter; // valueLostUsd: receivables lost hit equity one for one
            if (loss < worstLoss) {
                worst = id;
                worstLoss = loss;
            }
        }
        String creditor = "entities.find { it.entity == '%s' }.";
        assertThat(stress.getBoolean(creditor.formatted("openai") + "clearingShocked.defaulted"))
                .isTrue();
        assertThat(stress.getBoolean(creditor.formatted("softbank") + "clearingShocked.defaulted"))
                .isTrue();
        assertThat(stress.getBoolean(creditor.formatted("nvidia") + "clearingShocked.defaulted"))
                .isFalse();
        for (String unpaid : List.of("oracle", "microsoft", "coreweave")) {
            assertThat(stress.getDouble(creditor.formatted(unpaid) + "relativeChange"))
                    .as(unpaid)
                    .isNegative();
        }
        assertThat(stress.getString("entities[0].entity"))
                .as("the answer lists first who loses the most dollars")
                .isEqualTo(worst);
        assertThat(stress.getDouble("baskets.find { it.basketId == 'team-openai' }.levelChange"))
                .isLessThan(stress.getDouble("baskets.find { it.basketId == 'team-google' }.levelChange"));
    }

    /** The clearing vector by the plain fixed point p <- min(pbar, e + Pi^T p) from pbar, with maps by entity id. */
    private static final class PlainClearing {
        private final List<Map<String, Object>> edges;
        private final Map<String, Double> pbar = new HashMap<>();

        PlainClearing(List<Map<String, Object>> edges) {
            this.edges = edges;
            edges.forEach(edge -> pbar.merge((String) edge.get("from"), amount(edge), Double::sum));
        }

        Map<String, Double> clear(Map<String, Double> resources) {
            Map<String, Double> p = new HashMap<>(pbar);
            for (int iteration = 0; iteration < 100_000; iteration++) {
                Map<String, Double> received = new HashMap<>();
                for (Map<String, Object> edge : edges) {
                    String from = (String) edge.get("from");
                    received.merge((String) edge.get("to"), amount(edge) / pbar.get(from) * p.get(from), Double::sum);
                }
                Map<String, Double> next = new HashMap<>();
                pbar.forEach((id, owed) ->
                        next.put(id, Math.min(owed, resources.getOrDefault(id, 0.0) + received.getOrDefault(id, 0.0))));
                if (next.equals(p)) {
                    break;
                }
                p = next;
            }
            return p;
        }

        double owed(String id) {
            return pbar.getOrDefault(id, 0.0);
        }

        double receivable(String id) {
            return edges.stream()
                    .filter(edge -> edge.get("to").equals(id))
                    .mapToDouble(PlainClearing::amount)
                    .sum();
        }

        double unpaid(String id, Map<String, Double> p) {
            return edges.stream()
                    .filter(edge -> edge.get("to").equals(id))
                    .mapToDouble(edge -> {
                        String from = (String) edge.get("from");
                        return amount(edge) * (1 - p.get(from) / pbar.get(from));
                    })
                    .sum();
        }

        private static double amount(Map<String, Object> edge) {
            return ((Number) edge.get("amountUsd")).doubleValue();
        }
    }

    @Test
    void aBadScenarioIsRefusedNamingTheField() {
        JsonPath unknown = api.request()
                .contentType(ContentType.JSON)
                .body("{\"model\": \"DEBTRANK\", \"shocks\": [{\"entity\": \"nobody\", \"valueChange\": -0.5}]}")
                .post("/api/v1/exposure/stress")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(unknown.getList("violations.field", String.class)).contains("shocks[0].entity");
        JsonPath refused = api.request()
                .contentType(ContentType.JSON)
                .body("{\"model\": \"CROSS_HOLDINGS\", \"shocks\": [{\"entity\": \"openai\", \"valueChange\": -1.5}]}")
                .post("/api/v1/exposure/stress")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(refused.getList("violations.field", String.class)).contains("shocks[0].valueChange");
    }

    private static JsonPath stress(String model) {
        return api.request()
                .contentType(ContentType.JSON)
                .body("{\"model\": \"" + model + "\", \"shocks\": [{\"entity\": \"openai\", \"valueChange\": -0.5}], "
                        + "\"asOf\": \"" + AS_OF + "\"}")
                .post("/api/v1/exposure/stress")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static double lastClose(String symbol) throws IOException {
        List<String> lines = Files.readAllLines(ProjectRoot.path().resolve("demo/prices/" + symbol + ".csv"));
        return Double.parseDouble(lines.get(lines.size() - 1).split(",")[1]);
    }
}
