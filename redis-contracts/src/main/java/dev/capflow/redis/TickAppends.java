package dev.capflow.redis;

import dev.capflow.redis.PriceStreamEntries.StreamTick;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends a batch of ticks to one shard of the price stream as packed entries ({@link PriceStreamEntries#packed}):
 * one {@code XADD} per up to {@link #MAX_TICKS_PER_ENTRY} ticks instead of one per tick, the batch split into entries
 * of about equal size, in order. The length cap counts ticks: each {@code XADD MAXLEN ~} keeps about as many entries
 * as hold that many ticks of the size of the one it appends.
 */
public final class TickAppends {

    /**
     * Ticks per packed entry (about 5 kB): a reader's round takes up to 1,024 entries, so a backlog is read in rounds of
     * at most about 100,000 ticks.
     */
    static final int MAX_TICKS_PER_ENTRY = 100;

    private TickAppends() {}

    /**
     * The {@code XADD}s that append {@code ticks} (all of shard {@code shardKey}) in order, as written by process
     * {@code origin}, the shard trimmed to about {@code maxTicks} ticks; to be sent in order.
     */
    public static List<Request> requests(String shardKey, long maxTicks, String origin, List<StreamTick> ticks) {
        int entries = (ticks.size() + MAX_TICKS_PER_ENTRY - 1) / MAX_TICKS_PER_ENTRY;
        List<Request> appends = new ArrayList<>(entries);
        for (int entry = 0; entry < entries; entry++) {
            List<StreamTick> packed =
                    ticks.subList(entry * ticks.size() / entries, (entry + 1) * ticks.size() / entries);
            Request xadd = Request.cmd(Command.XADD)
                    .arg(shardKey)
                    .arg("MAXLEN")
                    .arg("~")
                    .arg(entryCap(maxTicks, packed.size()))
                    .arg("*");
            PriceStreamEntries.packed(packed, origin)
                    .forEach((field, value) -> xadd.arg(field).arg(value));
            appends.add(xadd);
        }
        return appends;
    }

    /** The entries of {@code ticksPerEntry} ticks that hold about {@code maxTicks} ticks (at least one entry). */
    static long entryCap(long maxTicks, int ticksPerEntry) {
        return Math.max(1, (maxTicks + ticksPerEntry - 1) / ticksPerEntry);
    }
}
