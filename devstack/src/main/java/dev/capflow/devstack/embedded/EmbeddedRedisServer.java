package dev.capflow.devstack.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * redis-server from the codemonstur jar, bound to loopback. It keeps nothing on disk: Redis is only a
 * cache and an event bus in capflow, never the source of truth.
 */
final class EmbeddedRedisServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("redis-server");

    private final RedisServer server;
    private final int port;
    private final Path pidFile;

    private EmbeddedRedisServer(RedisServer server, int port, Path pidFile) {
        this.server = server;
        this.port = port;
        this.pidFile = pidFile;
    }

    /** Starts redis-server on {@code preferredPort} or a free one, working in {@code home}. */
    static EmbeddedRedisServer start(Path home, int preferredPort) throws IOException {
        Files.createDirectories(home);
        Path pidFile = home.resolve("redis-server.pid");
        Files.deleteIfExists(pidFile);
        int port = FreePort.pick(preferredPort);
        RedisServer server = RedisServer.newRedisServer()
                .executableProvider(ExecutableProvider.newJarResourceProvider(home.toFile()))
                .bind("127.0.0.1")
                .port(port)
                .setting("dir " + quote(home.toAbsolutePath().toString()))
                .setting("pidfile " + quote(pidFile.toAbsolutePath().toString()))
                .setting("save \"\"")
                .setting("appendonly no")
                .soutListener(LOG::info)
                .serrListener(LOG::warn)
                .build();
        server.start();
        return new EmbeddedRedisServer(server, port, pidFile);
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    int port() {
        return port;
    }

    /** redis-server's pid from its pid file, so ./capflow can stop it even if this launcher was killed. */
    OptionalLong pid() throws IOException {
        if (!Files.exists(pidFile)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(
                    Files.readString(pidFile, StandardCharsets.UTF_8).trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() throws IOException {
        server.stop();
    }
}
