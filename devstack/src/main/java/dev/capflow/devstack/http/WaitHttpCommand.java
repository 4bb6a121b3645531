package dev.capflow.devstack.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import dev.capflow.devstack.Arguments;
import dev.capflow.devstack.Errors;
import dev.capflow.devstack.Subcommand;
import dev.capflow.devstack.UsageException;

/**
 * {@code wait-http URL TIMEOUT_SECONDS [--pid PID]}: polls URL until it answers 2xx (exit 0) or the time is up,
 * or the process PID has exited (exit 1, with the last answer). A timeout of 0 asks once.
 */
public final class WaitHttpCommand implements Subcommand {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final int BODY_EXCERPT = 300;

    @Override
    public String name() {
        return "wait-http";
    }

    @Override
    public String usage() {
        return "wait-http URL TIMEOUT_SECONDS [--pid PID]";
    }

    @Override
    public String summary() {
        return "wait until URL answers 2xx (stop early if PID exits)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Arguments arguments = Arguments.parse(args, 2, Set.of(), Set.of("--pid"));
        URI url = URI.create(arguments.positional(0));
        Instant deadline = Instant.now().plusSeconds(arguments.nonNegative(1, "TIMEOUT_SECONDS"));
        OptionalLong pid = arguments.option("--pid").isPresent()
                ? OptionalLong.of(Arguments.nonNegative(arguments.option("--pid").get(), "PID"))
                : OptionalLong.empty();
        if (url.getScheme() == null || !url.getScheme().startsWith("http")) {
            throw new UsageException("URL must be http:// or https://, got '" + url + "'");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).GET().build();
        while (true) {
            String lastAnswer = ask(client, request);
            if (lastAnswer == null) {
                return 0;
            }
            if (pid.isPresent() && !alive(pid.getAsLong())) {
                System.err.println("process " + pid.getAsLong() + " exited before " + url + " was ready (last answer: "
                        + lastAnswer + ")");
                return 1;
            }
            if (!Instant.now().plus(POLL_INTERVAL).isBefore(deadline)) {
                System.err.println(lastAnswer);
                return 1;
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /** Null when the URL answered 2xx, else a short description of the answer. */
    private static String ask(HttpClient client, HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return null;
            }
            String body = response.body().replaceAll("\\s+", " ").trim();
            return "HTTP " + response.statusCode()
                    + (body.isEmpty() ? "" : ": " + body.substring(0, Math.min(body.length(), BODY_EXCERPT)));
        } catch (IOException e) {
            return Errors.describe(e);
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
