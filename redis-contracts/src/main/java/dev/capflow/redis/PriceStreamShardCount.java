package dev.capflow.redis;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.util.Optional;

/**
 * The price stream's shard count as its writers use it, recorded in Redis, so that a process configured with another
 * count notices: with different counts, a reader polls shards that no writer fills and the ticks of the others are
 * lost without an error. Every writer records its count ({@code SET <stream-key>:shard-count N EX 60 GET}) at start and
 * every {@link #REFRESH}; it expires after {@link #TTL}, so a count that no running writer uses any more goes away. One
 * key read and written by single-key commands only, so it needs no hash tag on a Redis Cluster.
 */
public final class PriceStreamShardCount {

    /** How often a writer records its count again. */
    public static final Duration REFRESH = Duration.ofSeconds(15);
    /** How long a recorded count lives without a writer recording it again. */
    public static final Duration TTL = Duration.ofSeconds(60);

    private final Redis redis;
    private final PriceStreamEntries.Shards shards;
    private final Duration timeout;

    /** The count of {@code shards}, checked or recorded in {@code redis}; a command not answered within {@code timeout} fails. */
    public PriceStreamShardCount(Redis redis, PriceStreamEntries.Shards shards, Duration timeout) {
        this.redis = redis;
        this.shards = shards;
        this.timeout = timeout;
    }

    /** The key that holds the writers' shard count of the stream whose shards are {@code prefix:{n}}. */
    public static String key(String prefix) {
        return prefix + ":shard-count";
    }

    /**
     * Records this writer's count; answers, when the count recorded before was another one (another writer's), the
     * disagreement, naming both counts.
     */
    public Uni<Optional<String>> record() {
        return send(Request.cmd(Command.SET)
                        .arg(key(shards.prefix()))
                        .arg(shards.count())
                        .arg("EX")
                        .arg(TTL.toSeconds())
                        .arg("GET"))
                .map(previous -> disagreement(previous, "another writer of the price stream"));
    }

    /**
     * The disagreement, naming both counts, when the writers' recorded count is not this process's (empty when they
     * agree or no writer recorded one).
     */
    public Uni<Optional<String>> check() {
        return send(Request.cmd(Command.GET).arg(key(shards.prefix())))
                .map(recorded -> disagreement(recorded, "the price stream's writers (ingest-service)"));
    }

    /**
     * The readiness of a reader: not agreed (with the message naming both counts) only when the writers recorded
     * another count; agreed when they recorded this one, recorded none, or Redis did not answer (Redis is optional).
     */
    public Uni<Agreement> agreement() {
        return check().map(disagreement -> disagreement
                        .map(message -> new Agreement(false, message))
                        .orElseGet(() -> new Agreement(true, shards.count() + " shards")))
                .onFailure()
                .recoverWithItem(failure -> new Agreement(
                        true, shards.count() + " shards, not checked: Redis did not answer (" + failure + ")"));
    }

    /** Whether a reader's shard count agrees with its writers', and what to report about it. */
    public record Agreement(boolean agreed, String detail) {}

    private Uni<Response> send(Request request) {
        return redis.send(request).ifNoItem().after(timeout).fail();
    }

    private Optional<String> disagreement(Response recorded, String whose) {
        if (recorded == null || recorded.toString().equals(String.valueOf(shards.count()))) {
            return Optional.empty();
        }
        return Optional.of("this process uses " + shards.count() + " price stream shards, " + whose + " "
                + recorded + " (Redis key " + key(shards.prefix()) + "): ticks in the shards one side does not use are"
                + " lost; set the same stream-shards everywhere");
    }
}
