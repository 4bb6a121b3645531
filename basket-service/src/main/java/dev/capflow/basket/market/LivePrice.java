package dev.capflow.basket.market;

import dev.capflow.redis.PriceStreamEntries.StreamTick;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

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

    /** The price of a tick read from the price stream, or null when it is not a well-formed positive price. */
    public static LivePrice fromStreamTick(StreamTick tick) {
        if (tick.symbol() == null || !(tick.price() > 0) || !Double.isFinite(tick.price())) {
            return null;
        }
        return new LivePrice(tick.symbol(), tick.price(), tick.ts());
    }
}
