package dev.capflow.redis;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Reads the price stream from the moment it starts: XREAD BLOCK after the last entry seen, and at first after the
 * stream's newest entry (XREVRANGE), never from "$", which would lose an entry added before the first read or between
 * two reads that saw nothing. While Redis is away it retries with backoff and resumes after the last entry it saw.
 * One reader per process hands every batch read to its {@link Handler}, on the Redis client's thread.
 */
public final class PriceStreamReader {

    private static final Logger LOG = Logger.getLogger(PriceStreamReader.class);
    private static final int MAX_ENTRIES_PER_READ = 1000;

    /** What a service does with what its reader reads. */
    public interface Handler {

        /** A batch of entries in stream order; empty when a read found nothing new (the reader is caught up). */
        void read(List<StreamEntry> entries);

        /** After every read (Redis answers), before its entries are handed over: e.g. repair what an outage lost. */
        default Uni<Void> afterRead() {
            return Uni.createFrom().voidItem();
        }

        /** A read failed: entries may be missed until Redis answers again. */
        default void readFailed(Throwable failure) {}
    }

    private final Redis redis;
    private final String key;
    private final Duration block;
    private final Duration stalled;
    private final String whileFailing;
    /** The id of the last entry seen; null until the stream's newest entry at start is known. */
    private volatile String lastId;

    private volatile boolean failing;
    private Cancellable loop;

    /**
     * Reads stream {@code key}, each XREAD blocking up to {@code block}; a read that has not answered {@code timeout}
     * after its block ended counts as a dead connection. {@code whileFailing} tells the log what a reading pause means.
     */
    public PriceStreamReader(Redis redis, String key, Duration block, Duration timeout, String whileFailing) {
        this.redis = redis;
        this.key = key;
        this.block = block;
        this.stalled = block.plus(timeout).plusSeconds(1);
        this.whileFailing = whileFailing;
    }

    /** Starts reading into {@code handler} until {@link #stop()}. */
    public void start(Handler handler) {
        loop = Multi.createBy()
                .repeating()
                .uni(() -> readOnce().ifNoItem().after(stalled).fail().call(handler::afterRead))
                .indefinitely()
                .onFailure()
                .invoke(failure -> onFailure(handler, failure))
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .indefinitely()
                .subscribe()
                .with(
                        entries -> {
                            if (failing) {
                                failing = false;
                                LOG.info("reading the Redis price stream again");
                            }
                            handler.read(entries);
                        },
                        failure -> LOG.error("price stream reader stopped", failure));
    }

    public void stop() {
        if (loop != null) {
            loop.cancel();
        }
    }

    /** The id of the last entry read (null before the start position is known). */
    public String lastId() {
        return lastId;
    }

    /** Fixes the position to read after: the stream's newest entry now; idempotent once known. */
    public Uni<String> position() {
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

    /** One XREAD from the position on: the entries after it (none when the block ended first). */
    public Uni<List<StreamEntry>> readOnce() {
        return position()
                .chain(from -> redis.send(Request.cmd(Command.XREAD)
                        .arg("COUNT")
                        .arg(MAX_ENTRIES_PER_READ)
                        .arg("BLOCK")
                        .arg(block.toMillis())
                        .arg("STREAMS")
                        .arg(key)
                        .arg(from)))
                .map(this::entries);
    }

    /** The entries of an XREAD answer of one stream (RESP2: [[key, entries]]; RESP3: {key: entries}). */
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

    private void onFailure(Handler handler, Throwable failure) {
        handler.readFailed(failure);
        if (!failing) {
            failing = true;
            LOG.warnf("cannot read the Redis price stream, retrying (%s): %s", whileFailing, failure.toString());
        }
    }
}
