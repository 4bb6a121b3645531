package dev.capflow.basket.market;

import dev.capflow.redis.PriceStreamEntries;
import dev.capflow.redis.PriceStreamEntries.StreamTick;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/** A live price of one symbol (a tick, or a daily close stamped 00:00 UTC of its session). */
public record LivePrice(String symbol, double price, Instant ts) {

    /** The UTC calendar date of the price, the date it counts as a close for. */
    public LocalDate date() {
        return LocalDate.ofInstant(ts, ZoneOffset.UTC);
    }

    /** The newer of two prices of the same symbol. */
    public static LivePrice newest(LivePrice a, LivePrice b) {
        return b.ts.isAfter(a.ts) ? b : a;
    }

    /** Decodes a tick entry of the price stream, or returns null when it is not a well-formed positive price. */
    public static LivePrice fromStreamEntry(Map<String, String> fields) {
        StreamTick tick = PriceStreamEntries.decodeTick(fields);
        if (tick == null || tick.symbol() == null || !(tick.price() > 0) || !Double.isFinite(tick.price())) {
            return null;
        }
        return new LivePrice(tick.symbol(), tick.price(), tick.ts());
    }
}
