package dev.capflow.e2e;

import dev.capflow.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A text/event-stream read from the gateway as a viewer: each event (name, id, data) is queued for the test. */
final class EventStream implements AutoCloseable {

    record Event(String name, String id, String data) {

        /** The data as JSON, non-integral numbers read as doubles (JsonPath's default, float, would round them). */
        JsonPath json() {
            return JsonPath.from(data).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Stream<String> lines;
    private final String baseUrl;
    private final String path;

    private EventStream(Stream<String> lines, String baseUrl, String path) {
        this.lines = lines;
        this.baseUrl = baseUrl;
        this.path = path;
        Thread reader = new Thread(this::read, "e2e-event-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code path} on {@code baseUrl}; fails unless the gateway answers 200 text/event-stream. */
    static EventStream open(String baseUrl, String path) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", TestTokens.shared().bearer("viewer"))
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200
                || !response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            String body = String.join("\n", response.body().toList());
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + body);
        }
        return new EventStream(
                response.body(), baseUrl, URI.create(baseUrl + path).getRawPath());
    }

    /** The next event named {@code name} (others skipped), failing after {@code timeout}. */
    Event next(String name, Duration timeout) throws InterruptedException {
        Event event = poll(name, timeout);
        if (event == null) {
            throw new AssertionError("no '" + name + "' event within " + timeout);
        }
        return event;
    }

    /**
     * The next event named {@code name} (others skipped), or null after {@code timeout}. Every event read is checked
     * against the schema the gateway's OpenAPI document gives its name ({@link ContractCheck}).
     */
    Event poll(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Event event = take(deadline); event != null; event = take(deadline)) {
            ContractCheck.checkEvent(baseUrl, path, event.name(), event.data());
            if (event.name().equals(name)) {
                return event;
            }
        }
        return null;
    }

    private Event take(long deadline) throws InterruptedException {
        return events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void read() {
        String name = "message";
        String id = null;
        StringBuilder data = null;
        for (String line : (Iterable<String>) lines::iterator) {
            if (line.isEmpty()) {
                if (data != null) {
                    events.add(new Event(name, id, data.toString()));
                }
                name = "message";
                id = null;
                data = null;
            } else if (line.startsWith("event: ")) {
                name = line.substring(7);
            } else if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.startsWith("data: ")) {
                data = data == null
                        ? new StringBuilder(line.substring(6))
                        : data.append('\n').append(line.substring(6));
            }
        }
    }

    @Override
    public void close() {
        lines.close();
    }
}
