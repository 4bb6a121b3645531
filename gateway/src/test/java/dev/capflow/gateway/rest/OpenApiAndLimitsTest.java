package dev.capflow.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.capflow.gateway.fake.Answer;
import dev.capflow.gateway.fake.FakeIngestServer;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.testsupport.TestTokens;
import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.grpc.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The operational surface: the landing page, OpenAPI and Swagger UI, health, metrics, and the body size limit. */
@QuarkusTest
@WithTestResource(FakeIngestServer.class)
class OpenApiAndLimitsTest extends GatewayTest {

    private static final List<String[]> ROUTES = List.of(
            new String[] {"/api/v1/instruments", "get"},
            new String[] {"/api/v1/instruments/{symbol}", "put"},
            new String[] {"/api/v1/prices/bars", "post"},
            new String[] {"/api/v1/prices/csv", "post"},
            new String[] {"/api/v1/prices/bulk-csv", "post"},
            new String[] {"/api/v1/prices/ticks", "post"},
            new String[] {"/api/v1/prices/{symbol}/bars", "get"},
            new String[] {"/api/v1/prices/{symbol}/bars/revisions", "get"},
            new String[] {"/api/v1/prices/{symbol}/ticks", "get"},
            new String[] {"/api/v1/prices/{symbol}/minute-bars", "get"},
            new String[] {"/api/v1/prices/latest", "get"},
            new String[] {"/api/v1/corporate-actions", "post"},
            new String[] {"/api/v1/corporate-actions/{symbol}/{exDate}/{kind}", "delete"},
            new String[] {"/api/v1/prices/{symbol}/corporate-actions", "get"},
            new String[] {"/api/v1/baskets", "get"},
            new String[] {"/api/v1/baskets", "post"},
            new String[] {"/api/v1/baskets/{id}", "get"},
            new String[] {"/api/v1/baskets/{id}", "put"},
            new String[] {"/api/v1/baskets/{id}", "delete"},
            new String[] {"/api/v1/baskets/{id}/performance", "get"},
            new String[] {"/api/v1/compare", "get"},
            new String[] {"/api/v1/exposure/entities", "get"},
            new String[] {"/api/v1/exposure/entities/{id}", "get"},
            new String[] {"/api/v1/exposure/entities/{id}", "put"},
            new String[] {"/api/v1/exposure/entities/{id}", "delete"},
            new String[] {"/api/v1/exposure/entities/{id}/history", "get"},
            new String[] {"/api/v1/exposure/edges", "get"},
            new String[] {"/api/v1/exposure/edges", "post"},
            new String[] {"/api/v1/exposure/edges/{id}", "get"},
            new String[] {"/api/v1/exposure/edges/{id}", "put"},
            new String[] {"/api/v1/exposure/edges/{id}", "delete"},
            new String[] {"/api/v1/exposure/edges/{id}/history", "get"},
            new String[] {"/api/v1/exposure/loops", "get"},
            new String[] {"/api/v1/exposure/lookthrough", "get"},
            new String[] {"/api/v1/exposure/stress", "post"},
            new String[] {"/api/v1/stream/prices", "get"},
            new String[] {"/api/v1/stream/baskets/{id}", "get"});

    @Test
    void openApiDocumentsEveryRouteWithTagsDescriptionsExamplesAndProblemAnswers() {
        JsonPath openApi = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(openApi.getMap("paths").keySet())
                .containsExactlyInAnyOrder(
                        ROUTES.stream().map(route -> route[0]).distinct().toArray(String[]::new));
        Set<String> operationIds = new HashSet<>();
        for (String[] route : ROUTES) {
            Map<String, Object> operation = openApi.getMap("paths.'" + route[0] + "'." + route[1]);
            assertThat(operation).as(route[1] + " " + route[0]).isNotNull();
            assertThat((List<?>) operation.get("tags"))
                    .as("tags of " + route[0])
                    .isNotEmpty();
            assertThat((String) operation.get("summary")).isNotBlank();
            assertThat((String) operation.get("description")).isNotBlank();
            Map<String, Object> responses = openApi.getMap("paths.'" + route[0] + "'." + route[1] + ".responses");
            assertThat(responses).as("responses of " + route[0]).containsKeys("401", "403", "429", "502", "503", "504");
            assertThat(operationIds.add((String) operation.get("operationId")))
                    .as("unique operationId of " + route[0])
                    .isTrue();
            assertThat(operation.get("security"))
                    .as("security of " + route[0])
                    .isEqualTo(List.of(Map.of("bearerAuth", List.of())));
            assertThat((String) operation.get("description"))
                    .as("role of " + route[0])
                    .containsPattern("role `(viewer|analyst|ingest|admin)`");
            assertThat(responses.keySet()).as("success answer of " + route[0]).containsAnyOf("200", "201", "204");
            assertThat(responses.toString())
                    .as("examples of " + route[0])
                    .contains("examples")
                    .contains("application/problem+json");
        }
        assertThat(operationIds).doesNotContainNull();
        assertThat(openApi.getMap("components.schemas.Problem")).isNotNull();
        assertThat(openApi.getString("openapi")).startsWith("3.1");
        assertThat(openApi.getString("components.securitySchemes.bearerAuth.bearerFormat"))
                .isEqualTo("JWT");
        assertThat(openApi.getString("info.title")).isEqualTo("capflow gateway");
    }

    @Test
    void edgeWritesDocumentTheRefusedEquityCycle() {
        JsonPath openApi = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(openApi.getMap("paths.'/api/v1/exposure/edges'.post.responses"))
                .containsKey("422");
        assertThat(openApi.getMap("paths.'/api/v1/exposure/edges/{id}'.put.responses"))
                .containsKey("422");
        assertThat(openApi.getMap("paths.'/api/v1/exposure/lookthrough'.get.responses"))
                .as("an unknown target is a 400 naming it; a graph without a finite answer a 422")
                .containsKeys("400", "422")
                .doesNotContainKey("404");
        assertThat(openApi.getMap("paths.'/api/v1/exposure/stress'.post.responses"))
                .containsKeys("400", "415", "422");
        assertThat(openApi.getMap("paths.'/api/v1/baskets'.post.responses")).containsKey("415");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "BasketInput",
                "BasketMemberInput",
                "CorporateActionInput",
                "DailyBarInput",
                "EdgeInput",
                "EntityInput",
                "InstrumentInput",
                "StressInput",
                "Shock",
                "StressOptions",
                "TickInput"
            })
    void everyRequestBodySchemaForbidsMembersItDoesNotHave(String schema) {
        JsonPath openApi = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat((Object) openApi.get("components.schemas." + schema + ".additionalProperties"))
                .as(schema)
                .isEqualTo(false);
    }

    @Test
    void schemasTellWhichMembersAreAbsentAndWhichAreExplicitNulls() {
        JsonPath openApi = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // Metrics writes every member: an undefined metric is an explicit null
        assertThat(openApi.getList("components.schemas.Metrics.required")).contains("beta", "correlation", "sharpe");
        assertThat(openApi.getList("components.schemas.Metrics.properties.beta.type"))
                .containsExactly("number", "null");
        // an edge without a share leaves it out: optional, never null
        assertThat(openApi.getList("components.schemas.Edge.required"))
                .contains("estimated", "version")
                .doesNotContain("share");
        assertThat(openApi.getString("components.schemas.Edge.properties.share.type"))
                .isEqualTo("number");
        // lists are always there; a $ref that may be null is anyOf [ref, null]
        assertThat(openApi.getList("components.schemas.Basket.required")).contains("members", "baseValue", "version");
        assertThat(openApi.getList("components.schemas.EntityImpact.properties.clearingBaseline.anyOf.'$ref'"))
                .contains("#/components/schemas/ClearingFigures");
        assertThat(openApi.getList("components.schemas.Problem.required")).containsExactly("type", "title", "status");
        // the live streams name their events and the schema of each event's data
        assertThat(openApi.getMap("paths.'/api/v1/stream/prices'.get.responses.'200'.content.'text/event-stream'"
                        + ".schema.'x-events'"))
                .containsOnlyKeys("tick", "gap", "upstream", "reset", "end");
        assertThat(openApi.getMap("paths.'/api/v1/stream/baskets/{id}'.get.responses.'200'.content.'text/event-stream'"
                        + ".schema.'x-events'"))
                .containsOnlyKeys("level", "upstream", "reset", "end");
        assertThat(openApi.getList("components.schemas.TickEvent.required")).contains("symbol", "price", "ts", "size");
        assertThat(openApi.getList("components.schemas.GapEvent.required")).containsExactly("dropped", "from", "to");
    }

    @Test
    void rootServesTheDashboardItsModulesAndTheVendoredECharts() {
        String page = given().when()
                .get("/")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .extract()
                .asString();
        assertThat(page)
                .contains("<title>capflow dashboard</title>")
                .contains("/q/swagger-ui")
                .contains("src=\"dashboard/app.js\"");

        for (String module : new String[] {"app", "api", "banner", "baskets", "graph", "stress", "format"}) {
            given().when()
                    .get("/dashboard/" + module + ".js")
                    .then()
                    .statusCode(200)
                    .contentType(containsString("javascript"));
        }
        // the vendored ECharts the modules import (dashboard/vendor/echarts/README.md)
        String echarts = given().when()
                .get("/dashboard/vendor/echarts/echarts.esm.min.js")
                .then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .extract()
                .asString();
        assertThat(echarts).contains("export").contains("\"6.1.0\"");
    }

    @Test
    void swaggerUiHealthAndMetricsAreServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(metrics)
                .contains("jvm_memory_used_bytes")
                .as("gRPC client latency per method (the readiness check called grpc.health.v1.Health/Check)")
                .containsPattern("grpc_client_processing_duration_seconds_count\\{[^}]*method=\"Check\"");
    }

    @Test
    void readinessReportsIngestHealthAndStaysUpWhenIngestIsNotServing() {
        fake.script(
                HealthGrpc.getCheckMethod(),
                Answer.reply(HealthCheckResponse.newBuilder()
                        .setStatus(HealthCheckResponse.ServingStatus.SERVING)
                        .build()),
                Answer.reply(HealthCheckResponse.newBuilder()
                        .setStatus(HealthCheckResponse.ServingStatus.NOT_SERVING)
                        .build()),
                Answer.fail(Status.UNAVAILABLE));

        assertThat(ingestReadiness()).containsEntry("ingest-service", "up").containsEntry("grpc-health", "SERVING");
        assertThat(ingestReadiness())
                .containsEntry("ingest-service", "degraded")
                .containsEntry("grpc-health", "NOT_SERVING");
        assertThat(ingestReadiness())
                .containsEntry("ingest-service", "degraded")
                .containsEntry("grpc-health", "UNAVAILABLE");
        assertThat(fake.requests(HealthGrpc.getCheckMethod()))
                .extracting(HealthCheckRequest::getService)
                .containsExactly(
                        IngestServiceGrpc.SERVICE_NAME, IngestServiceGrpc.SERVICE_NAME, IngestServiceGrpc.SERVICE_NAME);
    }

    /** The data of the ingest-service readiness check, after asserting the gateway is ready. */
    private static Map<String, Object> ingestReadiness() {
        JsonPath ready = given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .extract()
                .jsonPath();
        return ready.getMap("checks.find { it.name == 'ingest-service' }.data");
    }

    @Test
    void aBodyOverTheLimitIs413ProblemJsonAndNeverReachesIngest() {
        // %test limit is 64K.
        String bar = """
                {"symbol": "NVDA", "date": "2025-10-29", "open": 1, "high": 1, "low": 1, "close": 1},""";
        String body = "[" + bar.repeat(70_000 / bar.length()) + bar.substring(0, bar.length() - 1) + "]";

        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/prices/bars")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:capflow:problem:payload-too-large"))
                .body("status", equalTo(413))
                .body("instance", equalTo("/api/v1/prices/bars"));

        assertThat(fake.requests(IngestServiceGrpc.getIngestBarsMethod())).isEmpty();
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIs413AndNeverReachesIngest() throws IOException {
        // no Content-Length to refuse up front: Quarkus' HTTP layer answers a bare 413 once the body passes 64K
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = sendCsvUploadHead(socket, "Transfer-Encoding: chunked");
            byte[] chunk = "2025-10-29,1,1,1,1,1\n".repeat(400).getBytes(StandardCharsets.US_ASCII);
            try {
                for (int sent = 0; sent < 128 * 1024; sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closed) {
                // the gateway may answer and close before the last chunk: its answer is read below
            }
            InputStream in = socket.getInputStream();
            String head = head(in);
            assertThat(head).startsWith("HTTP/1.1 413").containsIgnoringCase("connection: close");
        }
        assertThat(fake.requests(IngestServiceGrpc.getImportCsvMethod())).isEmpty();
    }

    @Test
    void aRefusedBodyIsReadToItsEndSoTheClientCanFinishSendingIt() throws IOException {
        // the 413 comes as soon as the headers declare too much; the client may still send its whole body, and a
        // connection closed meanwhile would reset it (its 413 possibly lost) instead of taking the rest
        int length = 4 * 1024 * 1024;
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = sendCsvUploadHead(socket, "Content-Length: " + length);
            InputStream in = socket.getInputStream();
            assertThat(head(in)).startsWith("HTTP/1.1 413");

            byte[] chunk = spaces(64 * 1024);
            for (int sent = 0; sent < length; sent += chunk.length) {
                out.write(chunk); // a closed connection fails here: broken pipe or reset
            }
            out.flush();
            in.readAllBytes(); // the problem body, then the end of the stream once the body was read
        }
    }

    @Test
    void aRefusedBodyIsReadOnlyUpToABoundThenTheConnectionCloses() throws IOException {
        // a client that goes on sending after its 413 is closed on once a bounded amount was discarded
        long length = 64L * 1024 * 1024; // four times the most the gateway discards (16 MiB)
        long sent = 0;
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = sendCsvUploadHead(socket, "Content-Length: " + length);
            assertThat(head(socket.getInputStream())).startsWith("HTTP/1.1 413");

            byte[] chunk = spaces(64 * 1024);
            try {
                for (; sent < length; sent += chunk.length) {
                    out.write(chunk);
                }
            } catch (IOException closed) {
                // broken pipe or reset: the gateway stopped reading
            }
        }
        assertThat(sent).isLessThan(length);
    }

    /** Sends the head of an admin's CSV upload whose body is framed by {@code framing}; answers the stream to go on. */
    private static OutputStream sendCsvUploadHead(Socket socket, String framing) throws IOException {
        socket.setSoTimeout(20_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/prices/csv?symbol=NVDA HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: " + TestTokens.shared().bearer("admin") + "\r\n"
                        + "Content-Type: text/csv\r\n" + framing + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return out;
    }

    private static byte[] spaces(int count) {
        byte[] spaces = new byte[count];
        Arrays.fill(spaces, (byte) ' ');
        return spaces;
    }

    /** The status line and headers of an HTTP/1.1 answer. */
    private static String head(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        return head.toString();
    }
}
