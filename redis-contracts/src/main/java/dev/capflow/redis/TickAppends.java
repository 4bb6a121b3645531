package dev.capflow.redis;

import dev.capflow.redis.PriceStreamEntries.StreamTick;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends a batch of tick entries to one shard of the price stream with a few script calls instead of one XADD per
 * tick: each call carries the ticks' values only (six per tick, the origin and the length cap once) and answers with
 * one integer, the number of entries it appended, instead of one id per entry. The entries are exactly the ones
 * {@link PriceStreamEntries#tick} describes, in the order given, each appended with {@code XADD MAXLEN ~}.
 */
public final class TickAppends {

    /** Ticks per script call: Redis runs a script to its end, so a call is kept to a few milliseconds. */
    static final int MAX_TICKS_PER_CALL = 1000;

    /**
     * KEYS[1] = shard; ARGV[1] = length cap, ARGV[2] = origin, then per tick (symbol, price, size, ts, source,
     * trade_id); a tick whose source and trade_id are both empty has no identity, and its entry neither field.
     */
    private static final String APPEND_TICKS = """
            local appended = 0
            for i = 3, #ARGV, 6 do
              if ARGV[i + 4] == '' and ARGV[i + 5] == '' then
                redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'symbol', ARGV[i], 'price', ARGV[i + 1],
                  'size', ARGV[i + 2], 'ts', ARGV[i + 3], 'origin', ARGV[2])
              else
                redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'symbol', ARGV[i], 'price', ARGV[i + 1],
                  'size', ARGV[i + 2], 'ts', ARGV[i + 3], 'origin', ARGV[2], 'source', ARGV[i + 4],
                  'trade_id', ARGV[i + 5])
              end
              appended = appended + 1
            end
            return appended""";

    private TickAppends() {}

    /**
     * The script calls that append {@code ticks} (all of shard {@code shardKey}) in order, as written by process
     * {@code origin}, the shard trimmed to about {@code maxLen} entries; to be sent in order.
     */
    public static List<Request> requests(String shardKey, long maxLen, String origin, List<StreamTick> ticks) {
        List<Request> calls = new ArrayList<>();
        for (int start = 0; start < ticks.size(); start += MAX_TICKS_PER_CALL) {
            Request call = Request.cmd(Command.EVAL)
                    .arg(APPEND_TICKS)
                    .arg(1)
                    .arg(shardKey)
                    .arg(maxLen)
                    .arg(origin);
            for (StreamTick tick : ticks.subList(start, Math.min(ticks.size(), start + MAX_TICKS_PER_CALL))) {
                call.arg(tick.symbol())
                        .arg(PriceStreamEntries.price(tick))
                        .arg(PriceStreamEntries.size(tick))
                        .arg(PriceStreamEntries.ts(tick))
                        .arg(tick.source())
                        .arg(tick.tradeId());
            }
            calls.add(call);
        }
        return calls;
    }
}
