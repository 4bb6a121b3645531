package dev.capflow.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The gateway REST calls of the demo loader, with a bearer token when it has one. Every call is idempotent, so a
 * call that got no answer or a 503 (a service still warming up) is retried a few times, and a 429 (rate limited) is
 * retried after the {@code Retry-After} the gateway asked for.
 */
final class GatewayClient {

    private static final int ATTEMPTS = 3;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final int SERVICE_UNAVAILABLE = 503;
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int RATE_LIMIT_ATTEMPTS = 20;
    private static final long MAX_RETRY_AFTER_SECONDS = 30;

    /** A gateway answer: its status and body. */
    record Response(int status, String body) {

        boolean ok() {
            return status / 100 == 2;
        }

        /** The body as JSON, or an empty object when it is not JSON. */
        JsonNode json(ObjectMapper mapper) {
            try {
                return mapper.readTree(body.isEmpty() ? "{}" : body);
            } catch (IOException e) {
                return mapper.createObjectNode();
            }
        }

        /** "HTTP 400: detail" from a problem+json body, or the start of any other body. */
        String describe(ObjectMapper mapper) {
            JsonNode problem = json(mapper);
            String text = problem.hasNonNull("detail")
                    ? problem.get("detail").asText()
                    : problem.hasNonNull("title")
                            ? problem.get("title").asText()
                            : body.replaceAll("\\s+", " ").trim();
            return "HTTP " + status + (text.isEmpty() ? "" : ": " + text.substring(0, Math.min(text.length(), 300)));
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI api;
    private final ObjectMapper json;
    private final Duration retryPause;
    private final String authorization;

    /**
     * {@code retryPause} grows linearly: one pause after the first failure, two after the second. {@code token} is
     * sent as {@code Authorization: Bearer} (null: no header).
     */
    GatewayClient(URI baseUrl, ObjectMapper json, Duration retryPause, String token) {
        String base = baseUrl.toString();
        this.api = URI.create((base.endsWith("/") ? base : base + "/") + "api/v1/");
        this.json = json;
        this.retryPause = retryPause;
        this.authorization = token == null ? null : "Bearer " + token;
    }

    /** {@code PUT /api/v1/instruments/{symbol}} with the instrument as JSON. */
    Response putInstrument(DemoInstrument instrument) throws IOException, InterruptedException {
        HttpRequest request = newRequest(api.resolve("instruments/" + encode(instrument.symbol())))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(instrument)))
                .build();
        return send(request);
    }

    /** {@code POST /api/v1/prices/csv?symbol=SYM} with a Yahoo-layout CSV body. */
    Response postCsv(String symbol, String csv) throws IOException, InterruptedException {
        HttpRequest request = newRequest(api.resolve("prices/csv?symbol=" + encode(symbol)))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "text/csv")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
                .build();
        return send(request);
    }

    /** {@code POST /api/v1/corporate-actions} with the dividend as JSON (201 recorded, 200 already recorded). */
    Response postDividend(DemoDividend dividend) throws IOException, InterruptedException {
        return postJson("corporate-actions", dividend);
    }

    /** {@code POST /api/v1/baskets} with the basket as JSON (201 created, 409 the id is taken). */
    Response postBasket(JsonNode basket) throws IOException, InterruptedException {
        return postJson("baskets", basket);
    }

    private Response postJson(String path, Object body) throws IOException, InterruptedException {
        HttpRequest request = newRequest(api.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        return send(request);
    }

    private HttpRequest.Builder newRequest(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        int limited = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == TOO_MANY_REQUESTS && ++limited < RATE_LIMIT_ATTEMPTS) {
                    // a rate limit is not a failure: wait as asked, without using up an attempt
                    attempt--;
                    Thread.sleep(retryAfterMillis(response));
                    continue;
                }
                if (response.statusCode() != SERVICE_UNAVAILABLE || attempt == ATTEMPTS) {
                    return new Response(response.statusCode(), response.body());
                }
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
            Thread.sleep(retryPause.toMillis() * attempt);
        }
    }

    private long retryAfterMillis(HttpResponse<String> response) {
        long seconds = response.headers()
                .firstValue("Retry-After")
                .map(value -> {
                    try {
                        return Long.parseLong(value.strip());
                    } catch (NumberFormatException e) {
                        return 1L;
                    }
                })
                .orElse(1L);
        return Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER_SECONDS) * 1000 + retryPause.toMillis();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
