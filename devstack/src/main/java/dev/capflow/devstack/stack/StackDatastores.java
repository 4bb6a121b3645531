package dev.capflow.devstack.stack;

import dev.capflow.devstack.postgres.PgUrl;
import dev.capflow.devstack.redis.RedisUrl;

/** The PostgreSQL database and Redis the services are given ({@link Need#DB}, {@link Need#REDIS}). */
public record StackDatastores(PgUrl database, String user, String password, String redisUrl) {

    @Override
    public String toString() {
        return "StackDatastores[" + database.jdbcUrl() + " as " + user + ", redis " + RedisUrl.redact(redisUrl) + "]";
    }
}
