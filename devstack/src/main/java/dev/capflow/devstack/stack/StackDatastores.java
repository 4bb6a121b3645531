package dev.capflow.devstack.stack;

import dev.capflow.devstack.postgres.PgUrl;
import dev.capflow.devstack.redis.RedisUrl;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The PostgreSQL database and Redis the services are given ({@link Need#DB}, {@link Need#REDIS}). With
 * {@code redisCluster}, {@code redisUrl} is a Redis Cluster's comma-separated seed nodes
 * ({@code redis://h1:p1,redis://h2:p2,...}) and the services use the cluster client.
 */
public record StackDatastores(PgUrl database, String user, String password, String redisUrl, boolean redisCluster) {

    /** With a single Redis. */
    public StackDatastores(PgUrl database, String user, String password, String redisUrl) {
        this(database, user, password, redisUrl, false);
    }

    /** {@link #redisUrl()} without passwords, each node of a cluster's list. */
    public String redactedRedisUrl() {
        return Arrays.stream(redisUrl.split(",")).map(RedisUrl::redact).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return "StackDatastores[" + database.jdbcUrl() + " as " + user + ", redis " + (redisCluster ? "cluster " : "")
                + redactedRedisUrl() + "]";
    }
}
