package dev.capflow.ingest.cache;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.capflow.ingest.domain.LatestPrice;
import dev.capflow.ingest.domain.PriceSource;
import dev.capflow.ingest.domain.Tick;
import io.vertx.core.json.JsonObject;

/**
 * The Redis wire formats. Latest-price hash value: {@code {"price":1.5,"ts":<epoch millis>,"source":"TICK"}}.
 * Stream entry: {@code symbol, price, size, ts (ISO-8601 instant, microseconds), origin (instance id)}.
 */
public final class PriceCodec {

    private PriceCodec() {
    }

    public static String encodeLatest(LatestPrice price) {
        return new JsonObject().put("price", price.price()).put("ts", price.ts().toEpochMilli())
                .put("source", price.source().name()).encode();
    }

    /** Decodes a hash value, or returns null when it is not one this service wrote. */
    public static LatestPrice decodeLatest(String symbol, String value) {
        try {
            JsonObject json = new JsonObject(value);
            return new LatestPrice(symbol, json.getDouble("price"), Instant.ofEpochMilli(json.getLong("ts")),
                    PriceSource.valueOf(json.getString("source")));
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static Map<String, String> streamFields(Tick tick, String origin) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("symbol", tick.symbol());
        fields.put("price", Double.toString(tick.price()));
        fields.put("size", Long.toString(tick.size()));
        fields.put("ts", tick.ts().toString());
        fields.put("origin", origin);
        return fields;
    }

    /** Decodes a stream entry, or returns null when it is not a well-formed tick. */
    public static Tick decodeStreamEntry(Map<String, String> fields) {
        try {
            return new Tick(fields.get("symbol"), Instant.parse(fields.get("ts")), Double.parseDouble(fields.get("price")),
                    Long.parseLong(fields.get("size")));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
