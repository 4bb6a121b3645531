package dev.capflow.devstack.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code baskets.json}: an array of basket definitions, each the body of the gateway's {@code POST
 * /api/v1/baskets} with its {@code id}. Only what the loader needs is checked here (an object with an id, each id
 * once); the gateway checks the rest and names the field.
 */
final class DemoBaskets {

    private DemoBaskets() {}

    /** The basket bodies of {@code text}; {@code source} names the file in error messages. */
    static List<JsonNode> parse(String source, String text, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not readable as JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(source + ": expected an array of baskets");
        }
        List<String> errors = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode basket = root.get(i);
            String id = basket.path("id").asText("");
            if (!basket.isObject() || !basket.path("id").isTextual() || id.isBlank()) {
                errors.add(source + " [" + i + "].id: every demo basket needs its id");
            } else if (ids.contains(id)) {
                errors.add(source + " [" + i + "].id: " + id + " appears twice");
            }
            ids.add(id);
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", errors));
        }
        List<JsonNode> baskets = new ArrayList<>();
        root.forEach(baskets::add);
        return baskets;
    }
}
