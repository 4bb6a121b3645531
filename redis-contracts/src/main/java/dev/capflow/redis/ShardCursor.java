package dev.capflow.redis;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader's position in one shard of the price stream: it starts after the shard's newest entry (XREVRANGE), never at
 * "$", which would lose an entry added before the first read or between two reads that saw nothing, and then always
 * reads after the last entry it saw. A failed read makes the shard back off (200 ms doubling to 5 s) on its own.
 */
final class ShardCursor {

    private static final int MAX_ENTRIES_PER_READ = 1000;
    private static final long FIRST_BACKOFF_NANOS = Duration.ofMillis(200).toNanos();
    private static final long MAX_BACKOFF_NANOS = Duration.ofSeconds(5).toNanos();

    private final Redis redis;
    private final String key;
    private final Duration timeout;
    /** The id of the last entry seen; null until the shard's newest entry at start is known. */
    private volatile String lastId;

    private volatile long backoffNanos;
    private volatile long retryAt;

    ShardCursor(Redis redis, String key, Duration timeout) {
        this.redis = redis;
        this.key = key;
        this.timeout = timeout;
    }

    String key() {
        return key;
    }

    String lastId() {
        return lastId;
    }

    /** False while the shard backs off after a failed read. */
    boolean due() {
        return backoffNanos == 0 || System.nanoTime() - retryAt >= 0;
    }

    /** Fixes the position to read after: the shard's newest entry now; idempotent once known. */
    Uni<String> position() {
        if (lastId != null) {
            return Uni.createFrom().item(lastId);
        }
        return redis.send(Request.cmd(Command.XREVRANGE)
                        .arg(key)
                        .arg("+")
                        .arg("-")
                        .arg("COUNT")
                        .arg(1))
                .map(newest -> {
                    lastId = newest == null || newest.size() == 0
                            ? "0-0"
                            : newest.get(0).get(0).toString();
                    return lastId;
                });
    }

    /** One XREAD (not blocking) from the position on: the entries after it, in stream order. */
    Uni<List<StreamEntry>> read() {
        return position()
                .chain(from -> redis.send(Request.cmd(Command.XREAD)
                        .arg("COUNT")
                        .arg(MAX_ENTRIES_PER_READ)
                        .arg("STREAMS")
                        .arg(key)
                        .arg(from)))
                .ifNoItem()
                .after(timeout)
                .fail()
                .map(this::entries)
                .invoke(() -> backoffNanos = 0)
                .onFailure()
                .invoke(this::backOff);
    }

    private void backOff() {
        backoffNanos = backoffNanos == 0 ? FIRST_BACKOFF_NANOS : Math.min(MAX_BACKOFF_NANOS, backoffNanos * 2);
        retryAt = System.nanoTime() + backoffNanos;
    }

    /** The entries of an XREAD answer of this shard (RESP2: [[key, entries]]; RESP3: {key: entries}). */
    private List<StreamEntry> entries(Response answer) {
        if (answer == null || answer.size() == 0) {
            return List.of();
        }
        Response list = answer.isMap() ? answer.get(key) : answer.get(0).get(1);
        List<StreamEntry> entries = new ArrayList<>(list.size());
        for (Response entry : list) {
            entries.add(new StreamEntry(entry.get(0).toString(), fields(entry.get(1))));
        }
        if (!entries.isEmpty()) {
            lastId = entries.get(entries.size() - 1).id();
        }
        return entries;
    }

    private static Map<String, String> fields(Response pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (pairs.isMap()) {
            pairs.getKeys().forEach(field -> fields.put(field, pairs.get(field).toString()));
        } else {
            for (int i = 0; i + 1 < pairs.size(); i += 2) {
                fields.put(pairs.get(i).toString(), pairs.get(i + 1).toString());
            }
        }
        return fields;
    }
}
