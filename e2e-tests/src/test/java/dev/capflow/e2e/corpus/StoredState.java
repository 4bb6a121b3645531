package dev.capflow.e2e.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the platform holds, read back through the API: the bodies of the list routes and of the corpus fixture's
 * series and histories. Two reads that differ show what a request stored.
 */
final class StoredState {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CorpusClient client;

    StoredState(CorpusClient client) {
        this.client = client;
    }

    /** Route to "status body" of each of {@code routes}. */
    Map<String, String> read(List<String> routes) {
        Map<String, String> state = new LinkedHashMap<>();
        for (String route : routes) {
            CorpusClient.Answer answer = client.read(route);
            state.put(route, answer.status() + " " + answer.body());
        }
        return state;
    }

    /** The {@code version} member of what {@code route} answers now, or 0 when it answers none (it does not exist). */
    long version(String route) {
        CorpusClient.Answer answer = client.read(route);
        if (answer.status() != 200) {
            return 0;
        }
        try {
            return JSON.readTree(answer.body()).path("version").asLong(0);
        } catch (JsonProcessingException e) {
            return 0;
        }
    }

    /** The routes whose answers differ between {@code before} and {@code after}. */
    static List<String> changed(Map<String, String> before, Map<String, String> after) {
        return before.keySet().stream()
                .filter(route -> !before.get(route).equals(after.get(route)))
                .toList();
    }
}
