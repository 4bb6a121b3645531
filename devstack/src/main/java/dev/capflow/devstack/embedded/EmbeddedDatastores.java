package dev.capflow.devstack.embedded;

import dev.capflow.devstack.postgres.PgUrl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The embedded PostgreSQL and Redis of one launcher: started together, described in one state, stopped together. */
final class EmbeddedDatastores implements AutoCloseable {

    static final String POSTGRES_PORT = "POSTGRES_PORT";
    static final String REDIS_PORT = "REDIS_PORT";

    private final Optional<EmbeddedPostgresServer> postgres;
    private final Optional<EmbeddedRedisServer> redis;

    private EmbeddedDatastores(Optional<EmbeddedPostgresServer> postgres, Optional<EmbeddedRedisServer> redis) {
        this.postgres = postgres;
        this.redis = redis;
    }

    /**
     * Starts the requested servers under {@code dir} ({@code postgres/}, {@code redis/}), reusing the ports
     * of {@code previous} state when they are free; a failure stops whatever had already started.
     */
    static EmbeddedDatastores start(Path dir, boolean withPostgres, boolean withRedis, Map<String, String> previous)
            throws IOException {
        EmbeddedPostgresServer postgres = withPostgres
                ? EmbeddedPostgresServer.start(dir.resolve("postgres"), previousPort(previous, POSTGRES_PORT))
                : null;
        try {
            EmbeddedRedisServer redis = withRedis
                    ? EmbeddedRedisServer.start(dir.resolve("redis"), previousPort(previous, REDIS_PORT))
                    : null;
            return new EmbeddedDatastores(Optional.ofNullable(postgres), Optional.ofNullable(redis));
        } catch (IOException | RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
    }

    private static int previousPort(Map<String, String> previous, String key) {
        try {
            return Integer.parseInt(previous.getOrDefault(key, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** What ./capflow needs: URLs, ports and the pids of the servers and of this launcher. */
    Map<String, String> state(long launcherPid) throws IOException {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("DATASTORES_PID", Long.toString(launcherPid));
        if (postgres.isPresent()) {
            EmbeddedPostgresServer server = postgres.get();
            state.put(POSTGRES_PORT, Integer.toString(server.port()));
            state.put("POSTGRES_URL", new PgUrl("127.0.0.1", server.port(), PgUrl.DEFAULT_DATABASE, null).jdbcUrl());
            state.put("POSTGRES_USER", EmbeddedPostgresServer.USER);
            putPid(state, "POSTGRES_PID", server.pid());
        }
        if (redis.isPresent()) {
            EmbeddedRedisServer server = redis.get();
            state.put(REDIS_PORT, Integer.toString(server.port()));
            state.put("REDIS_URL", "redis://127.0.0.1:" + server.port());
            putPid(state, "REDIS_PID", server.pid());
        }
        return state;
    }

    private static void putPid(Map<String, String> state, String key, OptionalLong pid) {
        pid.ifPresent(value -> state.put(key, Long.toString(value)));
    }

    /** One line per server, for the launcher's log. */
    String describe() {
        StringBuilder text = new StringBuilder();
        postgres.ifPresent(p -> text.append("embedded PostgreSQL on 127.0.0.1:")
                .append(p.port())
                .append(" (user postgres)\n"));
        redis.ifPresent(r ->
                text.append("embedded Redis on 127.0.0.1:").append(r.port()).append('\n'));
        return text.toString();
    }

    /** Stops Redis, then PostgreSQL (fast shutdown), even when the first stop fails. */
    @Override
    public void close() throws IOException {
        try {
            if (redis.isPresent()) {
                redis.get().close();
            }
        } finally {
            if (postgres.isPresent()) {
                postgres.get().close();
            }
        }
    }
}
