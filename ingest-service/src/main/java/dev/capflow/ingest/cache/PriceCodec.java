package dev.capflow.ingest.cache;

import dev.capflow.ingest.domain.LatestPrice;
import dev.capflow.ingest.domain.PriceSource;
import dev.capflow.ingest.domain.Tick;
import dev.capflow.redis.PriceStreamEntries;
import dev.capflow.redis.PriceStreamEntries.StreamTick;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Redis wire formats of this service. Latest-price hash value: {@code {"price":1.5,"ts":<epoch millis>,"source":"TICK"}}.
 * Price stream entries are redis-contracts' {@link PriceStreamEntries}; this class only maps ticks to and from them.
 */
public final class PriceCodec {

    private PriceCodec() {}

    /**
     * The hash value of {@code price}, written directly: the same text as Vert.x's {@link JsonObject#encode} (Jackson
     * writes a finite double as {@link Double#toString}), without a map and a JSON generator per price. Publishing
     * writes one per symbol and batch, and Jackson's writer was the largest code the JIT still compiled in a profiled
     * tick run (docs/decisions.md, "Tick ingest, seventh pass"). A price that is not finite (never stored) goes to
     * Jackson.
     */
    public static String encodeLatest(LatestPrice price) {
        if (!Double.isFinite(price.price())) {
            return new JsonObject()
                    .put("price", price.price())
                    .put("ts", price.ts().toEpochMilli())
                    .put("source", price.source().name())
                    .encode();
        }
        return new StringBuilder(64)
                .append("{\"price\":")
                .append(price.price())
                .append(",\"ts\":")
                .append(price.ts().toEpochMilli())
                .append(",\"source\":\"")
                .append(price.source().name()) // an enum constant's name: nothing to escape
                .append("\"}")
                .toString();
    }

    /** Decodes a hash value, or returns null when it is not one this service wrote. */
    public static LatestPrice decodeLatest(String symbol, String value) {
        try {
            JsonObject json = new JsonObject(value);
            return new LatestPrice(
                    symbol,
                    json.getDouble("price"),
                    Instant.ofEpochMilli(json.getLong("ts")),
                    PriceSource.valueOf(json.getString("source")));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code tick} as the price stream carries it. */
    public static StreamTick streamTick(Tick tick) {
        return new StreamTick(tick.symbol(), tick.ts(), tick.price(), tick.size(), tick.source(), tick.tradeId());
    }

    /** The ticks of a tick or packed stream entry, in order, or null when it is malformed. */
    public static List<Tick> decodeStreamTicks(Map<String, String> fields) {
        List<StreamTick> ticks = PriceStreamEntries.ticks(fields);
        return ticks == null
                ? null
                : ticks.stream()
                        .map(tick -> new Tick(
                                tick.symbol(), tick.ts(), tick.price(), tick.size(), tick.source(), tick.tradeId()))
                        .toList();
    }
}
