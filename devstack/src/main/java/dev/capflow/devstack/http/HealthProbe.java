package dev.capflow.devstack.http;

import dev.capflow.devstack.Errors;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Asks a URL whether it answers 2xx, once or until a deadline, stopping early when the process behind it exits. */
public final class HealthProbe {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final int BODY_EXCERPT = 300;
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HealthProbe() {}

    /** Empty when {@code url} answered 2xx, else a short description of the answer. */
    public static Optional<String> ask(URI url) throws InterruptedException {
        try {
            HttpResponse<String> response = CLIENT.send(
                    HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return Optional.empty();
            }
            String body = response.body().replaceAll("\\s+", " ").trim();
            return Optional.of("HTTP " + response.statusCode()
                    + (body.isEmpty() ? "" : ": " + body.substring(0, Math.min(body.length(), BODY_EXCERPT))));
        } catch (IOException e) {
            return Optional.of(Errors.describe(e));
        }
    }

    /**
     * Polls {@code url} until it answers 2xx (empty) or, with the last answer, until {@code timeout} passes or
     * {@code alive} turns false; a zero timeout asks once.
     */
    public static Optional<String> await(URI url, Duration timeout, BooleanSupplier alive) throws InterruptedException {
        // the monotonic clock, as OwnedProcess.stop: a wall clock set forward would cut the wait short
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> answer = ask(url);
            if (answer.isEmpty()) {
                return answer;
            }
            if (!alive.getAsBoolean()) {
                return Optional.of("the process exited (last answer: " + answer.get() + ")");
            }
            if (System.nanoTime() + POLL_INTERVAL.toNanos() - deadline >= 0) {
                return Optional.of("not ready after " + timeout.toSeconds() + " s (last answer: " + answer.get() + ")");
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }
}
