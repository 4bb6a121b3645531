package dev.capflow.redis;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server process of a test's own (Debian's redis-server), on a free loopback port and keeping nothing on disk,
 * which the test may {@link #restart()}: a real restart, with a new run id and its data gone. The shared Redis of the
 * other tests is never restarted.
 */
final class ScratchRedisServer implements AutoCloseable {

    private final int port;
    private final Path dir;
    private Process process;

    private ScratchRedisServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    static ScratchRedisServer start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ScratchRedisServer server = new ScratchRedisServer(port, Files.createTempDirectory("capflow-scratch-redis"));
        server.launch();
        return server;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Stops the server and starts a new one on the same port. */
    void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        dir.toFile().delete();
    }

    private void launch() throws IOException, InterruptedException {
        process = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--dir",
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("redis-server did not start on port " + port, notYet);
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
    }

    private void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
