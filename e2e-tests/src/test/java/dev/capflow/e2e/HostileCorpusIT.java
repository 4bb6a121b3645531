package dev.capflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.e2e.corpus.CorpusCase;
import dev.capflow.e2e.corpus.CorpusRun;
import dev.capflow.e2e.corpus.JsonBody;
import dev.capflow.e2e.corpus.Valid;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input corpus ({@code dev.capflow.e2e.corpus}) against the packaged platform with the demo data and a
 * small fixture of its own: every case must be answered without a 5xx, in time, without a non-finite number, a refusal
 * as problem+json naming what was wrong, and nothing stored by a refusal. Prints cases and passes per category and
 * fails listing every failing case. {@code -Dcapflow.corpus.category=dates} runs one category.
 */
class HostileCorpusIT {

    private static DemoPlatform platform;

    @BeforeAll
    static void startPlatformWithFixture() throws Exception {
        platform = DemoPlatform.start(true);
        GatewayApi api = platform.api();
        api.registerEquity(Valid.SYMBOL);
        api.postJson(
                        "/prices/bars",
                        "[{\"symbol\": \"CRPS\", \"date\": \"2025-10-29\", \"open\": 10, \"high\": 11, \"low\": 9, "
                                + "\"close\": 10.5, \"volume\": 1000}]")
                .then()
                .statusCode(200);
        api.postJson(
                        "/prices/ticks",
                        "[{\"symbol\": \"CRPS\", \"ts\": \"2025-10-29T14:30:00Z\", \"price\": 10.4, \"size\": 5}]")
                .then()
                .statusCode(200);
        for (String entity : Valid.ENTITIES) {
            api.request()
                    .contentType(ContentType.JSON)
                    .body(Valid.entity().with("name", JsonBody.str(entity)).json())
                    .put("/api/v1/exposure/entities/{id}", entity)
                    .then()
                    .statusCode(201);
        }
        // half of the near-singular cycle and two of the shares summing to one: the cases add the last edge of each
        for (JsonBody edge : List.of(
                Valid.equity(Valid.EDGE, "corpus-a", "corpus-b", "0.99"),
                Valid.equity("corpus-edge-xt", "corpus-x", "corpus-t", "0.7"),
                Valid.equity("corpus-edge-yt", "corpus-y", "corpus-t", "0.2"))) {
            api.postJson("/exposure/edges", edge.json()).then().statusCode(201);
        }
        api.postJson(
                        "/baskets",
                        Valid.basket().with("id", JsonBody.str(Valid.BASKET)).json())
                .then()
                .statusCode(201);
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        platform.close();
    }

    @Test
    void everyHostileCaseIsRefusedCleanlyAndStoresNothing() {
        String category = System.getProperty("capflow.corpus.category", "");
        List<CorpusCase> cases = CorpusRun.allCases().stream()
                .filter(corpusCase ->
                        category.isEmpty() || corpusCase.category().equals(category))
                .toList();
        CorpusRun run = new CorpusRun(platform.gatewayUrl());
        run.run(cases);
        System.out.println("Hostile corpus\n" + run.table());
        if (category.isEmpty()) {
            assertThat(run.cases()).as("corpus size").isGreaterThanOrEqualTo(400);
        }
        assertThat(run.failures()).as("failing corpus cases").isEmpty();
    }
}
