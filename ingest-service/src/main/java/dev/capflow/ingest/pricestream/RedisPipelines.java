package dev.capflow.ingest.pricestream;

import dev.capflow.redis.RedisTopology;
import io.vertx.mutiny.redis.client.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a publish's commands, grouped by key, go to Redis: each key's commands stay in order within one sequence of
 * pipelined round trips. A Redis Cluster refuses a pipeline whose keys span hash slots, so there each key is a sequence
 * of its own (the sequences are sent at once); a single Redis takes every key in one sequence, so that a usual batch of
 * ticks is one round trip instead of one per shard it touches.
 */
record RedisPipelines(RedisTopology topology) {

    /** The sequences to send at once, each in order. */
    List<List<Request>> sequences(Map<String, List<Request>> byKey) {
        if (topology == RedisTopology.CLUSTER) {
            return List.copyOf(byKey.values());
        }
        List<Request> all = new ArrayList<>();
        byKey.values().forEach(all::addAll);
        return all.isEmpty() ? List.of() : List.of(all);
    }
}
