package dev.capflow.e2e.corpus;

import dev.capflow.testsupport.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends corpus requests to the gateway exactly as written (no client-side encoding or validation) and times them.
 * A transport failure (the gateway closed the connection without an answer) comes back as status 0.
 */
public final class CorpusClient {

    /** The longest a case may take; the client gives up a little later so a hang is reported, not waited out. */
    public static final Duration LIMIT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final String baseUrl;

    public CorpusClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** What the gateway answered and how long it took. */
    public record Answer(int status, String contentType, String body, Duration took, String transportError) {}

    public Answer send(CorpusRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.target()))
                .timeout(LIMIT.plusSeconds(5))
                .method(
                        request.method(),
                        request.body().length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        String authorization = request.authorization() != null
                ? request.authorization()
                : TestTokens.shared().bearer(request.role());
        if (!authorization.isEmpty()) {
            builder.header("Authorization", authorization);
        }
        request.headers().forEach(builder::header);
        long start = System.nanoTime();
        try {
            HttpResponse<String> response =
                    http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    Duration.ofNanos(System.nanoTime() - start),
                    null);
        } catch (IOException e) {
            return new Answer(0, "", "", Duration.ofNanos(System.nanoTime() - start), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + request.target(), e);
        }
    }

    /** A plain GET with an admin token, for reading state back. */
    public Answer read(String target) {
        return send(CorpusRequest.get(target));
    }
}
