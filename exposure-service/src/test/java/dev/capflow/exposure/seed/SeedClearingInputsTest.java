package dev.capflow.exposure.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capflow.exposure.domain.AmountChoice;
import dev.capflow.exposure.domain.GraphEdge;
import dev.capflow.exposure.domain.GraphEntity;
import dev.capflow.exposure.service.GraphModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The seed graph's CLEARING inputs, as exposure-engine's independent numpy reference reads them
 * (exposure-engine/src/test/resources/fixtures/clearing-seed-inputs.json): the entities the edges holding on the seed's
 * latest date join, in the engine's order, with their revenue and cash (null when the seed has none), and those edges
 * with their LOW, BASE and HIGH amounts. When the seed changes, this test fails and writes the new inputs to
 * target/clearing-seed-inputs.json: copy them over the fixture and rerun exposure-engine/src/test/python/clearing_reference.py.
 */
class SeedClearingInputsTest {

    private static final Path FIXTURE =
            Path.of("..", "exposure-engine", "src", "test", "resources", "fixtures", "clearing-seed-inputs.json");
    private static final Path FRESH = Path.of("target", "clearing-seed-inputs.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theCommittedClearingInputsAreTheSeedsOnItsLatestDate() throws IOException {
        ObjectNode fresh = inputs(SeedGraph.read("seed"));
        JsonNode committed = JSON.readTree(FIXTURE.toFile());
        if (!fresh.equals(committed)) {
            Files.writeString(FRESH, JSON.writeValueAsString(fresh) + "\n");
        }
        assertThat(committed)
                .as("the seed changed: copy %s over %s and rerun clearing_reference.py", FRESH, FIXTURE)
                .isEqualTo(fresh);
        assertThat(fresh.get("entities")).hasSizeGreaterThan(5);
        assertThat(fresh.get("edges").findValuesAsText("kind")).contains("INVESTMENT", "PURCHASE");
    }

    static ObjectNode inputs(SeedGraph seed) {
        LocalDate date = GraphModel.datesOfChange(seed.edges()).last();
        Map<String, GraphEntity> known =
                seed.entities().stream().collect(Collectors.toMap(GraphEntity::id, Function.identity()));
        List<GraphEdge> holding =
                seed.edges().stream().filter(edge -> edge.holdsOn(date)).toList();
        GraphModel model = GraphModel.of(known, holding, List.of(), AmountChoice.BASE);
        ObjectNode root = JSON.createObjectNode().put("asOf", date.toString());
        ArrayNode entities = root.putArray("entities");
        ArrayNode revenues = root.putArray("revenueUsd");
        ArrayNode cash = root.putArray("cashUsd");
        for (GraphEntity entity : model.entities()) {
            entities.add(entity.id());
            add(revenues, entity.revenueUsd());
            add(cash, entity.cashUsd());
        }
        ArrayNode edges = root.putArray("edges");
        for (GraphEdge edge : holding) {
            ObjectNode node = edges.addObject()
                    .put("id", edge.id())
                    .put("from", model.graph().indexOf(edge.from()))
                    .put("to", model.graph().indexOf(edge.to()))
                    .put("kind", edge.kind().name());
            ObjectNode amounts = node.putObject("amountsUsd");
            for (AmountChoice choice : AmountChoice.values()) {
                add(amounts, choice.name(), choice.of(edge));
            }
        }
        return root;
    }

    private static void add(ArrayNode array, OptionalDouble value) {
        if (value.isPresent()) {
            array.add(value.getAsDouble());
        } else {
            array.addNull();
        }
    }

    private static void add(ObjectNode object, String field, OptionalDouble value) {
        if (value.isPresent()) {
            object.put(field, value.getAsDouble());
        } else {
            object.putNull(field);
        }
    }
}
