package dev.capflow.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;

/** A Redis client that passes everything to a real one; a test overrides what it watches or breaks. */
abstract class ForwardingRedis implements Redis {

    private final Redis redis;

    ForwardingRedis(Redis redis) {
        this.redis = redis;
    }

    @Override
    public Future<RedisConnection> connect() {
        return redis.connect();
    }

    @Override
    public void close() {
        redis.close();
    }

    @Override
    public Future<Response> send(Request command) {
        return redis.send(command);
    }

    @Override
    public Future<List<Response>> batch(List<Request> commands) {
        return redis.batch(commands);
    }
}
