package dev.capflow.devstack.stack;

import dev.capflow.devstack.http.HealthProbe;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One packaged capflow service ({@code <module>/target/quarkus-app/quarkus-run.jar}) run as a real process,
 * configured by environment variables as {@code ./capflow} and Kubernetes run it: HTTP (health, metrics, the
 * gateway's REST) and gRPC each on a port of their own. {@code ./capflow up} starts it detached (a session of its own,
 * so closing the terminal does not stop it); tests start it as a plain child.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /**
     * How long a test waits for a service to become ready: generous, as exposure-service (migrations, then the seed)
     * took longer than 90 s on the shared 2-core machine under load; {@code ./capflow up} has its own
     * (CAPFLOW_START_TIMEOUT, 120 s).
     */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(240);

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

    /**
     * Starts {@code spec}'s service of the checkout at {@code root} with {@code env} (its ports included), the JVM
     * settings its Deployments get too ({@link JvmSettings}) and {@code extraJvmOptions}; output to {@code log}. {@code detached} puts it in a
     * session of its own ({@code setsid}) with no input, so it outlives the terminal and this JVM. Does not wait.
     */
    public static ServiceProcess launch(
            Path root,
            ServiceSpec spec,
            List<String> extraJvmOptions,
            Map<String, String> env,
            Path log,
            boolean detached) {
        Path jar = spec.jar(root);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package " + spec.name() + " first");
        }
        List<String> command = new ArrayList<>();
        if (detached) {
            command.add("setsid");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        JvmSettings jvm = JvmSettings.of(root, spec.name());
        command.addAll(jvm.options());
        command.addAll(extraJvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(jvm.environment());
            builder.environment().putAll(env);
            String host = env.getOrDefault("QUARKUS_HTTP_HOST", "127.0.0.1");
            return new ServiceProcess(
                    spec.name() + "@" + host + ":" + spec.httpPort(),
                    spec.httpPort(),
                    spec.grpcPort(),
                    "http://" + host + ":" + spec.httpPort(),
                    log,
                    builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A test's service: {@code spec} bound to {@code host} (HTTP and gRPC), a child process logging to
     * {@code target/service-logs/} of the module whose tests start it. Does not wait.
     */
    public static ServiceProcess launch(
            Path root, ServiceSpec spec, String host, List<String> extraJvmOptions, Map<String, String> env) {
        Map<String, String> bound = new HashMap<>(env);
        bound.put("QUARKUS_HTTP_HOST", host);
        bound.put("QUARKUS_HTTP_PORT", Integer.toString(spec.httpPort()));
        bound.put("QUARKUS_GRPC_SERVER_HOST", host);
        if (spec.servesGrpc()) {
            bound.put("QUARKUS_GRPC_SERVER_PORT", Integer.toString(spec.grpcPort()));
        }
        Path log = Path.of("target", "service-logs")
                .toAbsolutePath()
                .resolve(spec.name() + "-" + host + "-" + spec.httpPort() + ".log");
        return launch(root, spec, extraJvmOptions, bound, log, false);
    }

    /** A test's service from {@code stack} on 127.0.0.1, waited for until ready. */
    public static ServiceProcess start(Path root, StackEnvironment stack, String name) {
        return launch(root, stack.service(name), "127.0.0.1", List.of(), stack.of(name))
                .awaitReady(START_TIMEOUT);
    }

    /** The HTTP port. */
    public int port() {
        return port;
    }

    /** The gRPC port ({@link ServiceSpec#NO_GRPC} for the gateway, which serves no gRPC). */
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
        Optional<String> failure;
        try {
            failure = HealthProbe.await(URI.create(baseUrl + "/q/health/ready"), timeout, process::isAlive);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + ": interrupted while waiting for it to be ready", e);
        }
        if (failure.isPresent()) {
            throw new IllegalStateException(
                    name + " did not become ready: " + failure.get() + "; log " + log + ":\n" + logTail(30));
        }
        return this;
    }

    /** A plain GET against this service. */
    public HttpResponse<String> get(String path) throws IOException {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
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

    /** Waits until the process exits and returns its exit code. */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** The last {@code lines} lines of the log. */
    public String logTail(int lines) {
        return Logs.tail(log, lines);
    }

    public String logTail() {
        return logTail(40);
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
}
