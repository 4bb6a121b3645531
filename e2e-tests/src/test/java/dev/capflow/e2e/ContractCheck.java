package dev.capflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks every answer of a /api route against the OpenAPI document the same gateway serves: the route and method
 * are documented, the status is one of the operation's responses, and a JSON body validates against the schema of
 * its media type (JSON Schema 2020-12, as OpenAPI 3.1 defines). A mismatch fails the calling test, so the document
 * cannot drift from what the gateway says. Each document remembers the operations ("METHOD template") whose answers it
 * checked, so a test can require that every documented operation was called ({@code ContractCoverageIT}).
 */
final class ContractCheck implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Document> DOCUMENTS = new ConcurrentHashMap<>();

    private final String baseUrl;

    ContractCheck(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request,
            FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = URI.create(request.getURI()).getRawPath();
        if (path.startsWith("/api/")) {
            document(baseUrl)
                    .check(
                            request.getMethod(),
                            path,
                            response.statusCode(),
                            response.contentType(),
                            response.asString());
        }
        return response;
    }

    /** Checks a server-sent event of {@code path} against the schema the document names for its event name. */
    static void checkEvent(String baseUrl, String path, String name, String data) {
        document(baseUrl).checkEvent(path, name, data);
    }

    /** The document the gateway at {@code baseUrl} serves, loaded once, with the operations checked so far. */
    static Document document(String baseUrl) {
        return DOCUMENTS.computeIfAbsent(baseUrl, Document::load);
    }

    /** An OpenAPI document, with a compiled schema per response media type and the operations checked so far. */
    record Document(ObjectNode root, List<Route> routes, Map<String, Schema> schemas, Set<String> covered) {

        static Document load(String baseUrl) {
            return parse(RestAssured.given()
                    .baseUri(baseUrl)
                    .queryParam("format", "json")
                    .get("/q/openapi")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
        }

        static Document parse(String text) {
            try {
                ObjectNode root = (ObjectNode) JSON.readTree(text);
                root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
                List<Route> routes = new ArrayList<>();
                root.get("paths").fieldNames().forEachRemaining(template -> routes.add(Route.of(template)));
                // a literal segment beats a parameter: /prices/latest before /prices/{symbol}
                routes.sort(Comparator.comparingLong(Route::parameters));
                return new Document(root, routes, new ConcurrentHashMap<>(), ConcurrentHashMap.newKeySet());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Every documented operation as "METHOD template", e.g. "GET /api/v1/baskets/{id}". */
        Set<String> operations() {
            Set<String> operations = new TreeSet<>();
            root.path("paths")
                    .fields()
                    .forEachRemaining(path -> path.getValue()
                            .fieldNames()
                            .forEachRemaining(
                                    method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
            return operations;
        }

        /** The operations whose answers (or events) passed a check so far, as in {@link #operations()}. */
        Set<String> checked() {
            return new TreeSet<>(covered);
        }

        /** Checks an answer ({@code contentType} may be null); throws an AssertionError naming any mismatch. */
        void check(String method, String path, int statusCode, String contentType, String body) {
            String call = method + " " + path + " -> " + statusCode;
            Route route = routes.stream()
                    .filter(candidate -> candidate.matches(path))
                    .findFirst()
                    .orElseThrow(
                            () -> new AssertionError("OpenAPI contract: " + call + ": the path is not documented"));
            JsonNode operation = root.path("paths").path(route.template()).path(method.toLowerCase(Locale.ROOT));
            if (operation.isMissingNode()) {
                throw new AssertionError(
                        "OpenAPI contract: " + call + ": " + method + " is not documented for " + route.template());
            }
            String status = String.valueOf(statusCode);
            if (!operation.path("responses").has(status)) {
                throw new AssertionError("OpenAPI contract: " + call + ": status " + status + " is not documented for "
                        + method + " " + route.template() + " (body: " + body + ")");
            }
            String mediaType = contentType == null ? "" : contentType.split(";")[0].trim();
            if (!mediaType.endsWith("json") || body.isEmpty()) {
                covered.add(method + " " + route.template());
                return;
            }
            JsonNode content = operation.path("responses").path(status).path("content");
            if (!content.has(mediaType)) {
                throw new AssertionError("OpenAPI contract: " + call + ": " + mediaType
                        + " is not documented for that status (documented: " + fieldNames(content) + ")");
            }
            String pointer = "#/paths/" + escape(route.template()) + "/" + method.toLowerCase(Locale.ROOT)
                    + "/responses/" + status + "/content/" + escape(mediaType) + "/schema";
            List<Error> errors = schemas.computeIfAbsent(pointer, this::compile).validate(body, InputFormat.JSON);
            if (!errors.isEmpty()) {
                throw new AssertionError("OpenAPI contract: " + call + ": the body does not match " + pointer + ": "
                        + errors + "\nbody: " + body);
            }
            covered.add(method + " " + route.template());
        }

        void checkEvent(String path, String name, String data) {
            String call = "event " + name + " of " + path;
            Route route = routes.stream()
                    .filter(candidate -> candidate.matches(path))
                    .findFirst()
                    .orElseThrow(
                            () -> new AssertionError("OpenAPI contract: " + call + ": the path is not documented"));
            JsonNode events = root.path("paths")
                    .path(route.template())
                    .path("get")
                    .path("responses")
                    .path("200")
                    .path("content")
                    .path("text/event-stream")
                    .path("schema")
                    .path("x-events");
            String pointer = events.path(name).path("$ref").asText();
            if (pointer.isEmpty()) {
                throw new AssertionError("OpenAPI contract: " + call + ": no schema in x-events (documented: "
                        + fieldNames(events) + ")");
            }
            List<Error> errors = schemas.computeIfAbsent(pointer, this::compile).validate(data, InputFormat.JSON);
            if (!errors.isEmpty()) {
                throw new AssertionError(
                        "OpenAPI contract: " + call + " does not match " + pointer + ": " + errors + "\ndata: " + data);
            }
            covered.add("GET " + route.template());
        }

        /** The whole document as a schema whose root refers to one response schema, so every $ref resolves. */
        private Schema compile(String pointer) {
            ObjectNode wrapper = root.deepCopy();
            wrapper.put("$ref", pointer);
            return SCHEMAS.getSchema(wrapper.toString(), InputFormat.JSON);
        }

        /** A JSON pointer token inside a URI fragment: ~ and / escaped, braces percent-encoded. */
        private static String escape(String segment) {
            return segment.replace("~", "~0")
                    .replace("/", "~1")
                    .replace("{", "%7B")
                    .replace("}", "%7D");
        }

        private static List<String> fieldNames(JsonNode node) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            return names;
        }
    }

    /** A documented path template and the pattern of the paths it stands for. */
    private record Route(String template, Pattern pattern, long parameters) {

        static Route of(String template) {
            String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            return new Route(
                    template,
                    Pattern.compile(regex),
                    template.chars().filter(c -> c == '{').count());
        }

        boolean matches(String path) {
            return pattern.matcher(path).matches();
        }
    }
}
