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
import java.util.function.Consumer;

/**
 * A reader's position in one shard of the price stream: it starts after the shard's newest entry, never at "$", which
 * would lose an entry added before the first read or between two reads that saw nothing, and then always reads after
 * the last entry it saw. A failed read makes the shard back off (200 ms doubling to 5 s) on its own.
 * <p>
 * A failed or timed-out read loses nothing by itself: the next read resumes from the position. Entries are lost only
 * when they are gone before they are read, so after a failed read, and after a full batch (the reader is behind), the
 * next read first checks the shard ({@link ShardState}): Redis restarted or failed over (its run id changed), the
 * stream vanished, or it was trimmed past the position.
 * <p>
 * A read takes at most its share of {@value #MAX_ENTRIES_PER_ROUND} entries, so that a round of every shard stays small.
 */
final class ShardCursor {

    /**
     * The entries a round of every shard reads at most. A round is parsed and handed over at once, so its entries live
     * until the round is done: 16 shards of 1,000 entries (tens of MB) outlived young collections, filled the old
     * generation and made back-to-back full collections, which let the next rounds grow (a reader behind by seconds).
     * Smaller rounds follow each other instead; a backlog waits in Redis, not in the heap.
     */
    static final int MAX_ENTRIES_PER_ROUND = 1024;

    private static final long FIRST_BACKOFF_NANOS = Duration.ofMillis(200).toNanos();
    private static final long MAX_BACKOFF_NANOS = Duration.ofSeconds(5).toNanos();

    private final Redis redis;
    private final String key;
    private final Duration timeout;
    private final int entriesPerRead;
    /** The id of the last entry seen; null until the shard's newest entry at start is known. */
    private volatile String lastId;
    /** The run id of the Redis that served the shard when it was last looked at. */
    private volatile String runId;
    /** Whether entries may have gone unread since the last look: the next read checks the shard first. */
    private volatile boolean checkDue;

    private volatile long backoffNanos;
    private volatile long retryAt;

    /** A cursor of one of {@code shardCount} shards, read in rounds of all of them. */
    ShardCursor(Redis redis, String key, Duration timeout, int shardCount) {
        this.redis = redis;
        this.key = key;
        this.timeout = timeout;
        this.entriesPerRead = Math.max(1, MAX_ENTRIES_PER_ROUND / shardCount);
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
        return state().map(state -> {
            runId = state.runId();
            lastId = state.newestOr("0-0");
            return lastId;
        });
    }

    /** Entries may have gone unread (a read failed): the next read checks the shard first. */
    void readFailed() {
        checkDue = true;
    }

    /** Whether the next read checks the shard first (after a failed read or a full one; once positioned). */
    boolean checkDue() {
        return checkDue && lastId != null;
    }

    /**
     * When a check is due, looks at the shard and tells {@code lost} why entries may have been lost before this reader
     * read them, if they may; an id the stream no longer reaches (it went backwards) moves the position back to it.
     */
    Uni<Void> checkIfDue(Consumer<String> lost) {
        if (!checkDue()) {
            return Uni.createFrom().voidItem();
        }
        return state().invoke(state -> checked(state, lost)).replaceWithVoid();
    }

    /**
     * One round of every shard of {@code cursors} (positioned, all on one Redis master): the look at the shards due a
     * check and one XREAD of them all (blocking up to {@code block} while none has a new entry), sent together in one
     * round trip, the look first. A reader behind the writers fills every shard's share of a round, so every round of
     * its catch-up is due a check of every shard: a look per shard one after another made each round 16 round trips
     * longer, and a look apart from the XREAD one. Answers the entries after each position (each shard's in stream
     * order). A shard whose position the look moved back (the stream went back) gives none this round, since the
     * XREAD read after the old position, and is read from the new one in the next.
     */
    static Uni<List<StreamEntry>> lookAndRead(
            Redis redis, List<ShardCursor> cursors, Duration block, Consumer<String> lost) {
        List<ShardCursor> due = cursors.stream().filter(ShardCursor::checkDue).toList();
        Request xread = xread(cursors, block);
        if (due.isEmpty()) {
            return redis.send(xread).map(answer -> entries(cursors, answer));
        }
        return redis.batch(List.of(
                        ShardState.look(due.stream().map(ShardCursor::key).toList()), xread))
                .map(answers -> {
                    List<ShardState> states = ShardState.of(answers.get(0));
                    List<ShardCursor> readNow = new ArrayList<>(cursors);
                    for (int i = 0; i < due.size(); i++) {
                        if (due.get(i).checked(states.get(i), lost)) {
                            readNow.remove(due.get(i));
                        }
                    }
                    return entries(readNow, answers.get(1));
                });
    }

    private static List<StreamEntry> entries(List<ShardCursor> cursors, Response answer) {
        List<StreamEntry> entries = new ArrayList<>();
        cursors.forEach(cursor -> entries.addAll(cursor.entries(answer)));
        return entries;
    }

    /**
     * What a look at the shard says: a loss since the position, if any, and the position to read after; true when
     * that moved back.
     */
    private boolean checked(ShardState state, Consumer<String> lost) {
        state.lossSince(lastId, runId).ifPresent(reason -> lost.accept(key + ": " + reason));
        runId = state.runId();
        String position = lastId;
        lastId = state.rewound(position);
        checkDue = false;
        return !lastId.equals(position);
    }

    /** One XREAD (not blocking) from the position on, after the check if due: the entries after it, in stream order. */
    Uni<List<StreamEntry>> read(Consumer<String> lost) {
        return position()
                .chain(() -> checkIfDue(lost))
                .chain(() -> redis.send(xread(List.of(this), null)))
                .ifNoItem()
                .after(timeout)
                .fail()
                .map(this::entries)
                .invoke(() -> backoffNanos = 0)
                .onFailure()
                .invoke(this::backOff);
    }

    private Uni<ShardState> state() {
        return redis.send(ShardState.look(List.of(key)))
                .map(answer -> ShardState.of(answer).get(0));
    }

    /**
     * One XREAD of every shard of {@code cursors} (positioned) from its position on, waiting up to {@code block} for
     * an entry when there is none yet (null: not waiting). Spans hash slots: on one Redis master only.
     */
    static Request xread(List<ShardCursor> cursors, Duration block) {
        // the cursors of one reader share its shard count, hence their share of a round
        Request xread = Request.cmd(Command.XREAD).arg("COUNT").arg(cursors.get(0).entriesPerRead);
        if (block != null) {
            xread.arg("BLOCK").arg(Math.max(1, block.toMillis()));
        }
        xread.arg("STREAMS");
        cursors.forEach(cursor -> xread.arg(cursor.key));
        cursors.forEach(cursor -> xread.arg(cursor.lastId));
        return xread;
    }

    private void backOff() {
        checkDue = true;
        backoffNanos = backoffNanos == 0 ? FIRST_BACKOFF_NANOS : Math.min(MAX_BACKOFF_NANOS, backoffNanos * 2);
        retryAt = System.nanoTime() + backoffNanos;
    }

    /**
     * This shard's entries in an XREAD answer (RESP2: [[key, entries], ...]; RESP3: {key: entries, ...}; null when no
     * shard had any), moving the position past them.
     */
    List<StreamEntry> entries(Response answer) {
        Response list = entriesOfKey(answer);
        if (list == null) {
            return List.of();
        }
        List<StreamEntry> entries = new ArrayList<>(list.size());
        for (Response entry : list) {
            entries.add(new StreamEntry(entry.get(0).toString(), fields(entry.get(1))));
        }
        if (!entries.isEmpty()) {
            lastId = entries.get(entries.size() - 1).id();
        }
        if (entries.size() == entriesPerRead) {
            checkDue = true; // behind the writers: trimming may overtake the position
        }
        return entries;
    }

    private Response entriesOfKey(Response answer) {
        if (answer == null || answer.size() == 0) {
            return null;
        }
        if (answer.isMap()) {
            return answer.get(key);
        }
        for (Response stream : answer) {
            if (key.equals(stream.get(0).toString())) {
                return stream.get(1);
            }
        }
        return null;
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
