package dev.capflow.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.capflow.devstack.token.LocalKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the requests load-demo sends, against a recording HTTP server in place of the gateway. */
class LoadDemoCommandTest {

    /** One request as the gateway received it. */
    record Received(String method, String pathAndQuery, String contentType, String body, String authorization) {}

    /** What the recording server answers: status, JSON body and, for a 429, a Retry-After. */
    record Answer(int status, String body, String retryAfter) {

        Answer(int status, String body) {
            this(status, body, null);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private HttpServer server;

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String gateway(Function<Received, Answer> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> answer(exchange, answers));
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange, Function<Received, Answer> answers) throws IOException {
        try (InputStream in = exchange.getRequestBody();
                OutputStream out = exchange.getResponseBody()) {
            Received request = new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("Authorization"));
            received.add(request);
            Answer answer = answers.apply(request);
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), body.length);
            out.write(body);
        }
    }

    /** A well-behaved gateway: every instrument and dividend is new, every CSV data row accepted. */
    private static Answer acceptAll(Received request) {
        if (request.method().equals("PUT")) {
            return new Answer(200, "{\"created\":true,\"instrument\":{}}");
        }
        if (request.pathAndQuery().endsWith("/corporate-actions")
                || request.pathAndQuery().endsWith("/baskets")) {
            return new Answer(201, request.body());
        }
        long rows = request.body().lines().count() - 1;
        return new Answer(200, "{\"accepted\":" + rows + ",\"duplicates\":0,\"rejected\":[]}");
    }

    @Test
    void putsEveryInstrumentThenPostsEveryPriceFileAsYahooCsv() throws Exception {
        int status = new LoadDemoCommand(Duration.ofMillis(10))
                .run(List.of(gateway(LoadDemoCommandTest::acceptAll), "../demo"));

        assertThat(status).isZero();
        assertThat(received).hasSize(51);
        List<Received> puts = received.subList(0, 18);
        assertThat(puts).allSatisfy(put -> {
            assertThat(put.method()).isEqualTo("PUT");
            assertThat(put.contentType()).isEqualTo("application/json");
        });
        Received softbank = puts.stream()
                .filter(p -> p.pathAndQuery().equals("/api/v1/instruments/9984.T"))
                .findFirst()
                .orElseThrow();
        JsonNode body = json.readTree(softbank.body());
        assertThat(body.get("symbol").asText()).isEqualTo("9984.T");
        assertThat(body.get("currency").asText()).isEqualTo("JPY");
        assertThat(body.get("kind").asText()).isEqualTo("EQUITY");
        assertThat(body.get("sharesOutstanding").asLong()).isEqualTo(5_711_848_120L);
        Received qqq = puts.stream()
                .filter(p -> p.pathAndQuery().equals("/api/v1/instruments/QQQ"))
                .findFirst()
                .orElseThrow();
        assertThat(json.readTree(qqq.body()).has("sharesOutstanding"))
                .as("an unknown share count is left out")
                .isFalse();

        List<Received> posts = received.subList(18, 36);
        assertThat(posts)
                .extracting(Received::pathAndQuery)
                .contains(
                        "/api/v1/prices/csv?symbol=NVDA",
                        "/api/v1/prices/csv?symbol=9984.T",
                        "/api/v1/prices/csv?symbol=USDJPY");
        Received nvda = posts.stream()
                .filter(p -> p.pathAndQuery().endsWith("=NVDA"))
                .findFirst()
                .orElseThrow();
        assertThat(nvda.method()).isEqualTo("POST");
        assertThat(nvda.contentType()).isEqualTo("text/csv");
        assertThat(nvda.body().lines().toList())
                .hasSize(86)
                .startsWith(
                        "Date,Open,High,Low,Close,Adj Close,Volume",
                        "2025-09-02,170.77999877929688,170.77999877929688,170.77999877929688,170.77999877929688,170.55284118652344,231164900");
    }

    @Test
    void recordsEveryDividendOfTheDemoAsADividendCorporateAction() throws Exception {
        assertThat(new LoadDemoCommand(Duration.ofMillis(10))
                        .run(List.of(gateway(LoadDemoCommandTest::acceptAll), "../demo")))
                .isZero();

        List<Received> dividends = received.subList(36, 49);
        assertThat(dividends).allSatisfy(post -> {
            assertThat(post.method()).isEqualTo("POST");
            assertThat(post.pathAndQuery()).isEqualTo("/api/v1/corporate-actions");
            assertThat(post.contentType()).isEqualTo("application/json");
        });
        List<JsonNode> bodies = dividends.stream()
                .map(post -> {
                    try {
                        return json.readTree(post.body());
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
        assertThat(bodies)
                .extracting(
                        b -> b.get("symbol").asText() + " " + b.get("exDate").asText() + " "
                                + b.get("kind").asText() + " " + b.get("amount").asDouble())
                .contains(
                        "GOOGL 2025-12-08 DIVIDEND 0.21",
                        "AVGO 2025-12-22 DIVIDEND 0.65",
                        "MSFT 2025-11-20 DIVIDEND 0.91",
                        "NVDA 2025-12-04 DIVIDEND 0.01",
                        "9984.T 2025-09-29 DIVIDEND 5.5",
                        "QQQ 2025-12-22 DIVIDEND 0.794");
    }

    @Test
    void createsTheTwoDemoBasketsLastWithTheirIdsAndMembers() throws Exception {
        assertThat(new LoadDemoCommand(Duration.ofMillis(10))
                        .run(List.of(gateway(LoadDemoCommandTest::acceptAll), "../demo")))
                .isZero();

        List<Received> baskets = received.subList(49, 51);
        assertThat(baskets).allSatisfy(post -> {
            assertThat(post.method()).isEqualTo("POST");
            assertThat(post.pathAndQuery()).isEqualTo("/api/v1/baskets");
            assertThat(post.contentType()).isEqualTo("application/json");
        });
        JsonNode google = json.readTree(baskets.get(0).body());
        assertThat(google.get("id").asText()).isEqualTo("team-google");
        assertThat(google.get("name").asText()).isEqualTo("Team Google");
        assertThat(google.get("baseDate").asText()).isEqualTo("2025-10-29");
        assertThat(google.get("weighting").asText()).isEqualTo("EQUAL");
        assertThat(google.get("members").findValuesAsText("symbol"))
                .containsExactly("GOOGL", "AVGO", "CLS", "LITE", "TTMI");
        JsonNode openAi = json.readTree(baskets.get(1).body());
        assertThat(openAi.get("id").asText()).isEqualTo("team-openai");
        assertThat(openAi.get("members").findValuesAsText("symbol"))
                .containsExactly("NVDA", "MSFT", "SFTBY", "ORCL", "AMD", "CRWV");
    }

    @Test
    void aBasketWhoseIdIsTakenIsLeftAsItIsAndAnyOtherRefusalFailsTheLoad() throws Exception {
        String taken = gateway(request -> request.pathAndQuery().endsWith("/baskets")
                ? new Answer(409, "{\"title\":\"Conflict\",\"detail\":\"basket team-google already exists\"}")
                : acceptAll(request));
        assertThat(new LoadDemoCommand(Duration.ofMillis(10)).run(List.of(taken, "../demo")))
                .as("a second load")
                .isZero();
        stopServer();
        received.clear();

        String refused = gateway(request -> request.body().contains("\"team-openai\"")
                ? new Answer(400, "{\"title\":\"Bad Request\",\"detail\":\"members[2].symbol: not registered\"}")
                : acceptAll(request));
        assertThat(new LoadDemoCommand(Duration.ofMillis(10)).run(List.of(refused, "../demo")))
                .isEqualTo(1);
        assertThat(received)
                .filteredOn(r -> r.pathAndQuery().endsWith("/baskets"))
                .hasSize(2);
    }

    @Test
    void aRefusedDividendFailsTheLoadButTheOthersAreRecorded() throws Exception {
        String url = gateway(request -> request.body().contains("\"MSFT\"")
                ? new Answer(409, "{\"title\":\"Conflict\",\"detail\":\"another dividend is recorded\"}")
                : acceptAll(request));

        assertThat(new LoadDemoCommand(Duration.ofMillis(10)).run(List.of(url, "../demo")))
                .isEqualTo(1);
        assertThat(received)
                .filteredOn(r -> r.pathAndQuery().endsWith("/corporate-actions"))
                .hasSize(13);
    }

    @Test
    void failsWhenTheGatewayRejectsARowAFileOrAnInstrumentButLoadsTheRest() throws Exception {
        String url = gateway(request -> {
            if (request.pathAndQuery().endsWith("/instruments/GSPC")) {
                return new Answer(400, "{\"title\":\"Bad Request\",\"detail\":\"exchange: too long\"}");
            }
            if (request.pathAndQuery().endsWith("symbol=CLS")) {
                return new Answer(
                        422,
                        "{\"title\":\"Every record was rejected\",\"accepted\":0,\"duplicates\":0,"
                                + "\"rejected\":[{\"row\":2,\"field\":\"date\",\"reason\":\"y\"}]}");
            }
            if (request.pathAndQuery().endsWith("symbol=TTMI")) {
                return new Answer(
                        200,
                        "{\"accepted\":83,\"duplicates\":0,\"rejected\":[{\"index\":-1,\"row\":5,\"field\":\"close\",\"reason\":\"x\"}]}");
            }
            return acceptAll(request);
        });

        assertThat(new LoadDemoCommand(Duration.ofMillis(10)).run(List.of(url, "../demo")))
                .isEqualTo(1);
        assertThat(received).hasSize(51);
    }

    @Test
    void retriesWhileTheGatewayAnswers503() throws Exception {
        int[] unavailable = {2};
        String url = gateway(request -> {
            if (request.pathAndQuery().endsWith("symbol=AMD") && unavailable[0]-- > 0) {
                return new Answer(503, "{\"title\":\"Service Unavailable\"}");
            }
            return acceptAll(request);
        });

        assertThat(new LoadDemoCommand(Duration.ofMillis(10)).run(List.of(url, "../demo")))
                .isZero();
        assertThat(received)
                .filteredOn(r -> r.pathAndQuery().endsWith("symbol=AMD"))
                .hasSize(3);
    }

    @Test
    void withKeysMarketDataCarriesAnIngestTokenAndBasketsAnAnalystTokenSignedByTheLocalKey(@TempDir Path keys)
            throws Exception {
        LocalKeys.ensure(keys);
        String url = gateway(LoadDemoCommandTest::acceptAll);

        assertThat(new LoadDemoCommand(Duration.ofMillis(10)).run(List.of(url, "../demo", "--keys", keys.toString())))
                .isZero();

        assertThat(received)
                .hasSize(51)
                .allSatisfy(request -> assertThat(request.authorization()).startsWith("Bearer "));
        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKey(LocalKeys.publicKey(keys))
                .setExpectedIssuer("capflow")
                .setExpectedAudience("capflow-gateway")
                .setRequireExpirationTime()
                .build()
                .processToClaims(received.get(0).authorization().substring("Bearer ".length()));
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("ingest");
        JwtClaims basketClaims = new JwtConsumerBuilder()
                .setVerificationKey(LocalKeys.publicKey(keys))
                .setExpectedIssuer("capflow")
                .setExpectedAudience("capflow-gateway")
                .setRequireExpirationTime()
                .build()
                .processToClaims(received.get(50).authorization().substring("Bearer ".length()));
        assertThat(basketClaims.getStringListClaimValue("groups"))
                .as("baskets are an analyst's")
                .containsExactly("analyst");
    }

    @Test
    void waitsOutA429AsTheGatewayAsks() throws Exception {
        int[] limited = {3};
        String url = gateway(request -> {
            if (request.pathAndQuery().endsWith("symbol=NVDA") && limited[0]-- > 0) {
                return new Answer(429, "{\"title\":\"Too many requests\"}", "0");
            }
            return acceptAll(request);
        });

        assertThat(new LoadDemoCommand(Duration.ofMillis(10)).run(List.of(url, "../demo")))
                .isZero();
        assertThat(received)
                .filteredOn(r -> r.pathAndQuery().endsWith("symbol=NVDA"))
                .hasSize(4);
        assertThat(received)
                .filteredOn(r -> r.authorization() != null)
                .as("no keys, no token")
                .isEmpty();
    }
}
