package dev.capflow.basket.market;

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

    /**
     * Decodes an entry of the price stream ({@code symbol, price, size, ts (ISO-8601 instant), origin}), or returns
     * null when it is not a well-formed positive price.
     */
    public static LivePrice fromStreamEntry(Map<String, String> fields) {
        try {
            LivePrice price = new LivePrice(fields.get("symbol"), Double.parseDouble(fields.get("price")),
                    Instant.parse(fields.get("ts")));
            return price.symbol() != null && price.price() > 0 && Double.isFinite(price.price()) ? price : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
