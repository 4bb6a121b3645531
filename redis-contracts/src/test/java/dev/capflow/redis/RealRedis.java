package dev.capflow.redis;

import dev.capflow.testsupport.Datastores;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import java.time.Duration;
import java.util.Collection;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A logical database of a real Redis of its own for one test class, with a Vert.x client to it: register it as a
 * static {@code @RegisterExtension} field; it connects before the class's first test and disconnects after its last.
 */
final class RealRedis implements BeforeAllCallback, AfterAllCallback {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final int database;
    private Datastores stores;
    private Vertx vertx;
    private Redis client;

    /** @param database the logical database, one per test class so that classes run side by side do not meet */
    RealRedis(int database) {
        this.database = database;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stores = Datastores.start(database);
        vertx = Vertx.vertx();
        client = Redis.createClient(vertx, stores.redisUrl());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        client.close();
        vertx.closeAndAwait();
        stores.close();
    }

    Redis client() {
        return client;
    }

    Vertx vertx() {
        return vertx;
    }

    /** The URL of this class's database, e.g. to put a proxy in front of it. */
    String url() {
        return stores.redisUrl();
    }

    /** Deletes {@code keys}, so that the next test starts without them. */
    void delete(Collection<String> keys) {
        keys.forEach(
                key -> client.send(Request.cmd(Command.DEL).arg(key)).await().atMost(WAIT));
    }
}
