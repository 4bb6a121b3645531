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

    public static String encodeLatest(LatestPrice price) {
        return new JsonObject()
                .put("price", price.price())
                .put("ts", price.ts().toEpochMilli())
                .put("source", price.source().name())
                .encode();
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
