package dev.capflow.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
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

/**
 * One packaged capflow service ({@code <module>/target/quarkus-app/quarkus-run.jar}) run as a real
 * child process, configured by environment variables as {@code ./capflow} and Kubernetes run it: HTTP (health,
 * metrics, the gateway's REST) and gRPC (the grpc-java server of ingest-, basket- and exposure-service) each on a
 * port of their own. Its output goes to {@code target/service-logs/} of the module whose tests start it.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final int port;
    private final int grpcPort;
    private final String baseUrl;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, int port, int grpcPort, String baseUrl, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.grpcPort = grpcPort;
        this.baseUrl = baseUrl;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code module} on two free ports (HTTP, gRPC) of 127.0.0.1 and waits until it is ready. */
    public static ServiceProcess start(String module, Map<String, String> env) {
        int[] ports = freePorts(2);
        return launch(module, "127.0.0.1", ports[0], ports[1], List.of(), env).awaitReady(START_TIMEOUT);
    }

    /**
     * Starts {@code module} with HTTP on {@code host:port} and gRPC on {@code host:grpcPort}, with extra JVM options;
     * does not wait for readiness.
     */
    public static ServiceProcess launch(String module, String host, int port, int grpcPort, List<String> jvmOptions,
            Map<String, String> env) {
        Path jar = ProjectRoot.path().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package " + module + " first");
        }
        try {
            Path logs = Path.of("target", "service-logs").toAbsolutePath();
            Files.createDirectories(logs);
            Path log = logs.resolve(module + "-" + host + "-" + port + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx384m");
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            builder.environment().put("QUARKUS_HTTP_HOST", host);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().put("QUARKUS_GRPC_SERVER_HOST", host);
            builder.environment().put("QUARKUS_GRPC_SERVER_PORT", Integer.toString(grpcPort));
            return new ServiceProcess(module + "@" + host + ":" + port, port, grpcPort, "http://" + host + ":" + port,
                    log, builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + module, e);
        }
    }

    /** The HTTP port. */
    public int port() {
        return port;
    }

    /** The gRPC port (unused by the gateway, which serves no gRPC). */
    public int grpcPort() {
        return grpcPort;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** Waits until /q/health/ready answers 200; fails with the log's tail if the process exits or the time runs out. */
    public ServiceProcess awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log:\n" + logTail());
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return this;
                }
            } catch (IOException notListeningYet) {
                // the port opens a moment after the process starts
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; log:\n" + logTail());
    }

    /** A plain GET against this service. */
    public HttpResponse<String> get(String path) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Sends SIGTERM (graceful shutdown) and returns the exit code; fails if the process outlives {@code timeout}. */
    public int terminate(Duration timeout) {
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(name + " ignored SIGTERM for " + timeout);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String logTail() {
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

    /** {@code count} distinct TCP ports that were free a moment ago on every local address. */
    public static int[] freePorts(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                closeQuietly(socket);
            }
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // only held to keep the ports distinct
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
