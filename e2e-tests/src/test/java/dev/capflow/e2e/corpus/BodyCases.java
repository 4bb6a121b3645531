package dev.capflow.e2e.corpus;

import static dev.capflow.e2e.corpus.CorpusCase.refused;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bodies and the request around them: malformed JSON, the wrong JSON type in every member, duplicate keys, nesting
 * 1,000 deep, wrong or missing content types, empty and oversized bodies, and headers and URLs over the limits.
 */
final class BodyCases {

    private static final String CATEGORY = "bodies";

    private BodyCases() {}

    /** A JSON write route and its valid body; {@code array} routes take a JSON array of such objects. */
    private record Route(String method, String target, JsonBody body, boolean array) {

        String json(JsonBody object) {
            return array ? object.inArray() : object.json();
        }

        CorpusRequest request(String contentType, String text) {
            return CorpusRequest.body(method, target, contentType, text.getBytes(StandardCharsets.UTF_8));
        }

        String label() {
            return method + " " + target.replaceAll("\\?.*", "");
        }
    }

    static List<CorpusCase> cases() {
        List<Route> routes = List.of(
                new Route("POST", "/api/v1/prices/bars", Valid.bar(), true),
                new Route("POST", "/api/v1/prices/ticks", Valid.tick(), true),
                new Route("POST", "/api/v1/corporate-actions", Valid.split(), false),
                new Route("PUT", "/api/v1/instruments/" + Valid.NEW_SYMBOL, Valid.instrument(), false),
                new Route("POST", "/api/v1/baskets", Valid.basket(), false),
                new Route("PUT", "/api/v1/exposure/entities/" + Valid.NEW_ENTITY, Valid.entity(), false),
                new Route("POST", "/api/v1/exposure/edges", Valid.edge(), false),
                new Route("POST", "/api/v1/exposure/stress", Valid.stress("DEBTRANK"), false));
        List<CorpusCase> cases = new ArrayList<>();
        for (Route route : routes) {
            String json = "application/json";
            Map<String, String> malformed = Map.of(
                    "truncated",
                    route.json(route.body()).substring(0, 12),
                    "trailing comma",
                    route.json(route.body()).replaceFirst("}$|}]$", ",}" + (route.array() ? "]" : "")),
                    "single quotes",
                    route.json(route.body()).replace('"', '\''),
                    "two documents",
                    route.json(route.body()) + route.json(route.body()),
                    "null",
                    "null",
                    "a number",
                    "42",
                    "the other top level",
                    route.array() ? route.body().json() : route.body().inArray(),
                    "nested 1000 deep",
                    "[".repeat(1000) + "]".repeat(1000),
                    "object nested 1000 deep",
                    "{\"a\": ".repeat(1000) + "1" + "}".repeat(1000));
            malformed.forEach((what, text) ->
                    cases.add(refused(CATEGORY, route.label() + " " + what, route.request(json, text), null)));
            String first = route.body().members().keySet().iterator().next();
            String duplicate = route.json(route.body())
                    .replaceFirst(
                            "\\{",
                            "{\"" + first + "\": " + route.body().members().get(first) + ", ");
            cases.add(refused(CATEGORY, route.label() + " duplicate key", route.request(json, duplicate), first));
            cases.add(refused(CATEGORY, route.label() + " empty body", route.request(json, ""), null));
            cases.add(refused(
                    CATEGORY,
                    route.label() + " as text/plain",
                    route.request("text/plain", route.json(route.body())),
                    null));
            cases.add(refused(
                    CATEGORY, route.label() + " as application/xml", route.request("application/xml", "<bar/>"), null));
            cases.add(refused(
                    CATEGORY,
                    route.label() + " without content type",
                    route.request(null, route.json(route.body())),
                    null));
            route.body().members().forEach((member, value) -> {
                boolean text = value.startsWith("\"");
                String wrong = text ? "42" : "\"12.5\"";
                cases.add(refused(
                        CATEGORY,
                        route.label() + " " + member + " as " + (text ? "number" : "string"),
                        route.request(json, route.json(route.body().with(member, wrong))),
                        member));
                cases.add(refused(
                        CATEGORY,
                        route.label() + " " + member + " as object",
                        route.request(json, route.json(route.body().with(member, "{\"x\": 1}"))),
                        member));
            });
        }
        byte[] oversized = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(oversized, (byte) ' ');
        oversized[0] = '[';
        oversized[oversized.length - 1] = ']';
        cases.add(refused(
                CATEGORY,
                "11 MB of JSON",
                CorpusRequest.body("POST", "/api/v1/prices/bars", "application/json", oversized),
                null));
        cases.add(refused(
                CATEGORY,
                "11 MB of CSV",
                CorpusRequest.body("POST", "/api/v1/prices/csv?symbol=" + Valid.SYMBOL, "text/csv", oversized),
                null));
        cases.add(refused(
                CATEGORY,
                "30 KB header",
                CorpusRequest.get("/api/v1/instruments").withHeader("X-Filler", "a".repeat(30_000)),
                null));
        cases.add(refused(
                CATEGORY,
                "30 KB header on a write",
                CorpusRequest.post("/api/v1/prices/bars", Valid.bar().inArray())
                        .withHeader("X-Filler", "a".repeat(30_000)),
                null));
        cases.add(refused(
                CATEGORY, "10000 char URL", CorpusRequest.get("/api/v1/instruments?kind=" + "E".repeat(10_000)), null));
        cases.add(
                refused(CATEGORY, "10000 char path", CorpusRequest.get("/api/v1/baskets/" + "b".repeat(10_000)), null));
        cases.add(refused(
                        CATEGORY,
                        "Idempotency-Key of 10000 chars",
                        CorpusRequest.post("/api/v1/baskets", Valid.basket().json())
                                .withHeader("Idempotency-Key", "k".repeat(10_000)),
                        null)
                .absentAfter("/api/v1/baskets/" + Valid.NEW_BASKET));
        return cases;
    }
}
