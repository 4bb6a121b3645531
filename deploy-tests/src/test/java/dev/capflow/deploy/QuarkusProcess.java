package dev.capflow.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A packaged capflow service ({@code <module>/target/quarkus-app/quarkus-run.jar}) run as a real process on one address. */
final class QuarkusProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final String baseUrl;
    private final Path log;
    private final Process process;

    private QuarkusProcess(String name, String baseUrl, Path log, Process process) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code module} listening on {@code host:port}, with the JVM options and environment given; does not wait. */
    static QuarkusProcess start(String module, String host, int port, List<String> jvmOptions, Map<String, String> env) {
        Path root = ProjectRoot.path();
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package " + module + " first");
        }
        try {
            Path logs = root.resolve("deploy-tests/target/service-logs");
            Files.createDirectories(logs);
            Path log = logs.resolve(module + "-" + host + "-" + port + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx256m");
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(env);
            builder.environment().put("QUARKUS_HTTP_HOST", host);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            return new QuarkusProcess(module + "@" + host + ":" + port, "http://" + host + ":" + port, log, builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + module, e);
        }
    }

    /** Waits until /q/health/ready answers 200; fails with the log's tail if the process exits or times out. */
    QuarkusProcess awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log:\n" + logTail());
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; log:\n" + logTail());
    }

    HttpResponse<String> get(String path) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    Path log() {
        return log;
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
