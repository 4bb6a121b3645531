package dev.capflow.redis;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One look at a price stream shard: the run id of the Redis serving it, and its oldest and newest entry ids (null when
 * it has none or does not exist). Redis trims a stream from its oldest entry on, so as long as the oldest entry is not
 * newer than a reader's position, nothing after the position was deleted.
 */
record ShardState(String runId, String oldest, String newest) {

    private static final String START = "0-0";

    /**
     * KEYS = shards of one node. The run id of the Redis serving them, then each shard's oldest and newest entry ids
     * (false for none): one atomic look at all of them, whatever their number, in one round trip.
     */
    private static final String LOOK = """
            local answer = {string.match(redis.call('INFO', 'server'), 'run_id:(%x+)')}
            for _, key in ipairs(KEYS) do
              local oldest = redis.call('XRANGE', key, '-', '+', 'COUNT', 1)[1]
              local newest = redis.call('XREVRANGE', key, '+', '-', 'COUNT', 1)[1]
              answer[#answer + 1] = oldest and oldest[1] or false
              answer[#answer + 1] = newest and newest[1] or false
            end
            return answer""";

    /** The look at {@code keys}, all served by one node (on a Redis Cluster: one key, or keys of one slot). */
    static Request look(List<String> keys) {
        Request eval = Request.cmd(Command.EVAL).arg(LOOK).arg(keys.size());
        keys.forEach(eval::arg);
        return eval;
    }

    /** The answer of {@link #look}: one state per key, in their order. */
    static List<ShardState> of(Response answer) {
        String runId = answer.get(0).toString();
        List<ShardState> states = new ArrayList<>((answer.size() - 1) / 2);
        for (int i = 1; i + 1 < answer.size(); i += 2) {
            states.add(new ShardState(runId, text(answer, i), text(answer, i + 1)));
        }
        return states;
    }

    /** The newest entry id, or {@code none} for an empty or missing shard. */
    String newestOr(String none) {
        return newest == null ? none : newest;
    }

    /**
     * Why entries after {@code position} may be gone unread, seen by a reader that last saw this shard served by
     * {@code previousRunId}; empty when none can be. A position of {@code 0-0} (the shard was empty at start and
     * nothing was read from it since) is checked for a restart only.
     */
    Optional<String> lossSince(String position, String previousRunId) {
        if (previousRunId != null && !previousRunId.equals(runId)) {
            return Optional.of("Redis restarted or failed over (run id " + runId + ", was " + previousRunId + ")");
        }
        if (START.equals(position)) {
            return Optional.empty();
        }
        if (oldest == null) {
            return Optional.of("the stream is empty or gone (flushed or deleted) after entry " + position);
        }
        if (StreamIds.compare(oldest, position) > 0) {
            return Optional.of("the stream was trimmed past entry " + position + " (its oldest is now " + oldest + ")");
        }
        return Optional.empty();
    }

    /** The position to read after: {@code position}, or the newest entry when the stream went back before it. */
    String rewound(String position) {
        String newestNow = newestOr(START);
        return StreamIds.compare(newestNow, position) < 0 ? newestNow : position;
    }

    private static String text(Response answer, int index) {
        Response value = answer.size() > index ? answer.get(index) : null;
        return value == null ? null : value.toString();
    }
}
