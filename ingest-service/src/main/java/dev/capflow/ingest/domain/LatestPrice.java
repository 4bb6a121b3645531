package dev.capflow.ingest.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest known price of a symbol. A daily close is timestamped at 00:00 UTC of its session
 * date, so a tick of the same day or later takes precedence over it.
 */
public record LatestPrice(String symbol, double price, Instant ts, PriceSource source) {

    /** The latest price a daily close stands for. */
    public static LatestPrice ofDailyClose(String symbol, LocalDate date, double close) {
        return new LatestPrice(symbol, close, date.atStartOfDay(ZoneOffset.UTC).toInstant(), PriceSource.DAILY_CLOSE);
    }

    /** The latest price a tick stands for. */
    public static LatestPrice ofTick(Tick tick) {
        return new LatestPrice(tick.symbol(), tick.price(), tick.ts(), PriceSource.TICK);
    }

    /**
     * The latest price of each symbol's newest tick in {@code ticks} (the first of ticks of equal timestamps, as
     * {@link #newest} keeps it), in the order the symbols first appear: one price per symbol, not one per tick.
     */
    public static List<LatestPrice> ofNewestTicks(List<Tick> ticks) {
        Map<String, Tick> newest = new LinkedHashMap<>();
        for (Tick tick : ticks) {
            newest.merge(tick.symbol(), tick, (kept, next) -> next.ts().isAfter(kept.ts()) ? next : kept);
        }
        return newest.values().stream().map(LatestPrice::ofTick).toList();
    }

    /** The newer of two candidates (either may be null); on equal timestamps a tick wins. */
    public static LatestPrice newest(LatestPrice a, LatestPrice b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        int byTime = a.ts().compareTo(b.ts());
        if (byTime != 0) {
            return byTime > 0 ? a : b;
        }
        return a.source() == PriceSource.TICK ? a : b;
    }
}
