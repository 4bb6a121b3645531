package dev.capflow.devstack.launcher;

import dev.capflow.devstack.Errors;
import dev.capflow.devstack.postgres.PgCredentials;
import dev.capflow.devstack.postgres.PgUrl;
import dev.capflow.devstack.postgres.PostgresAdmin;
import dev.capflow.devstack.redis.RedisPing;
import dev.capflow.devstack.redis.RedisUrl;
import dev.capflow.devstack.stack.StackDatastores;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PostgreSQL and Redis {@code up} gives the services, each from (in order) {@code CAPFLOW_PG_URL} /
 * {@code CAPFLOW_REDIS_URL}, the local server on its default port when it answers, or the embedded ones
 * ({@code CAPFLOW_EMBEDDED=1} skips the first two). {@code CAPFLOW_REDIS_CLUSTER} (a Redis Cluster's seed nodes,
 * {@code redis://h1:p1,redis://h2:p2,...}) comes before all of them for Redis: every node must answer.
 */
record DatastoreChoice(String postgresSource, StackDatastores datastores, String redisSource) {

    static final String LOCAL_POSTGRES = "jdbc:postgresql://127.0.0.1:5432/capflow";
    static final String LOCAL_REDIS = "redis://127.0.0.1:6379";
    private static final String EMBEDDED = "embedded";
    private static final String CLUSTER = "CAPFLOW_REDIS_CLUSTER";

    static DatastoreChoice resolve(Map<String, String> env, EmbeddedDatastoresProcess embedded)
            throws IOException, InterruptedException, LaunchException {
        boolean forceEmbedded = "1".equals(env.get("CAPFLOW_EMBEDDED"));
        PgCredentials credentials = PgCredentials.from(env);
        String postgresSource;
        String postgresUrl = null;
        if (forceEmbedded) {
            postgresSource = EMBEDDED;
        } else if (env.containsKey("CAPFLOW_PG_URL")) {
            postgresSource = "CAPFLOW_PG_URL";
            postgresUrl = env.get("CAPFLOW_PG_URL");
            String failure = postgresFailure(postgresUrl, credentials);
            if (failure != null) {
                throw new LaunchException(
                        "cannot log in to PostgreSQL at CAPFLOW_PG_URL as " + credentials.user() + ": " + failure);
            }
        } else if (postgresFailure(LOCAL_POSTGRES, credentials) == null) {
            postgresSource = "local";
            postgresUrl = LOCAL_POSTGRES;
        } else {
            postgresSource = EMBEDDED;
        }
        String redisSource;
        String redisUrl = null;
        boolean redisCluster = env.containsKey(CLUSTER);
        if (redisCluster) {
            redisSource = CLUSTER;
            redisUrl = env.get(CLUSTER);
            String failure = redisFailure(redisUrl);
            if (failure != null) {
                throw new LaunchException("a Redis Cluster node of " + CLUSTER + " does not answer: " + failure);
            }
        } else if (forceEmbedded) {
            redisSource = EMBEDDED;
        } else if (env.containsKey("CAPFLOW_REDIS_URL")) {
            redisSource = "CAPFLOW_REDIS_URL";
            redisUrl = env.get("CAPFLOW_REDIS_URL");
            String failure = redisFailure(redisUrl);
            if (failure != null) {
                throw new LaunchException("Redis at CAPFLOW_REDIS_URL does not answer: " + failure);
            }
        } else if (redisFailure(LOCAL_REDIS) == null) {
            redisSource = "local";
            redisUrl = LOCAL_REDIS;
        } else {
            redisSource = EMBEDDED;
        }
        boolean embeddedPostgres = postgresSource.equals(EMBEDDED);
        if (embeddedPostgres || redisSource.equals(EMBEDDED)) {
            Map<String, String> state = embedded.ensure(embeddedPostgres, redisSource.equals(EMBEDDED));
            if (embeddedPostgres) {
                postgresUrl = state.get("POSTGRES_URL");
                credentials = new PgCredentials(state.get("POSTGRES_USER"), "");
            }
            if (redisSource.equals(EMBEDDED)) {
                redisUrl = state.get("REDIS_URL");
            }
        }
        PgUrl database;
        try {
            database = PgUrl.parse(postgresUrl);
        } catch (IllegalArgumentException e) {
            throw new LaunchException("CAPFLOW_PG_URL is not usable: " + e.getMessage());
        }
        return new DatastoreChoice(
                postgresSource,
                new StackDatastores(database, credentials.user(), credentials.password(), redisUrl, redisCluster),
                redisSource);
    }

    /** Null when {@code user} can log in at {@code url}, else why not. */
    static String postgresFailure(String url, PgCredentials credentials) {
        try {
            new PostgresAdmin(credentials).checkLogin(PgUrl.parse(url));
            return null;
        } catch (SQLException | IllegalArgumentException e) {
            return Errors.describe(e);
        }
    }

    /** Null when Redis at {@code url} (or each node of a comma-separated cluster list) answers PING, else why not. */
    static String redisFailure(String url) {
        for (String node : url.split(",")) {
            try {
                new RedisPing(Duration.ofSeconds(3)).ping(RedisUrl.parse(node.trim()));
            } catch (IOException | IllegalArgumentException e) {
                return url.contains(",")
                        ? RedisUrl.redact(node.trim()) + ": " + Errors.describe(e)
                        : Errors.describe(e);
            }
        }
        return null;
    }

    /** What {@code status} shows about them later; no password. */
    Map<String, String> record() {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("POSTGRES_SOURCE", postgresSource);
        state.put("POSTGRES_URL", datastores.database().jdbcUrl());
        state.put("POSTGRES_USER", datastores.user());
        state.put("REDIS_SOURCE", redisSource);
        state.put("REDIS_URL", datastores.redactedRedisUrl());
        state.put("REDIS_MODE", datastores.redisCluster() ? "cluster" : "single");
        return state;
    }
}
