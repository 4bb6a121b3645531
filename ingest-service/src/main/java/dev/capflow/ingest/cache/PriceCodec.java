package dev.capflow.ingest.cache;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.capflow.ingest.domain.LatestPrice;
import dev.capflow.ingest.domain.PriceSource;
import dev.capflow.ingest.domain.Tick;
import io.vertx.core.json.JsonObject;

/**
 * The Redis wire formats. Latest-price hash value: {@code {"price":1.5,"ts":<epoch millis>,"source":"TICK"}}.
 * Stream entries: a tick is {@code symbol, price, size, ts (ISO-8601 instant, microseconds), origin (instance id)}
 * with no {@code kind}, as it always was, plus {@code source} and {@code trade_id} when the tick has an identity; a change of stored history is {@code kind} ({@link #BARS} or
 * {@link #CORPORATE_ACTION}), {@code symbols} (comma-separated) and {@code origin}, so that caches of answers computed
 * from history can move at once. A reader that knows only ticks skips a change entry as a malformed tick.
 */
public final class PriceCodec {

    /** The {@code kind} of an entry announcing newly stored daily bars of {@code symbols}. */
    public static final String BARS = "bars";
    /** The {@code kind} of an entry announcing that corrections replaced stored daily bars of {@code symbols}. */
    public static final String BARS_REPLACED = "bars-replaced";
    /** The {@code kind} of an entry announcing a newly recorded split or dividend of {@code symbols}. */
    public static final String CORPORATE_ACTION = "corporate-action";

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
        if (!tick.source().isEmpty() || !tick.tradeId().isEmpty()) {
            fields.put("source", tick.source());
            fields.put("trade_id", tick.tradeId());
        }
        return fields;
    }

    /** The entry announcing that history of {@code symbols} changed ({@code kind} {@link #BARS} or {@link #CORPORATE_ACTION}). */
    public static Map<String, String> changeFields(String kind, Collection<String> symbols, String origin) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", kind);
        fields.put("symbols", String.join(",", symbols));
        fields.put("origin", origin);
        return fields;
    }

    /** True for a tick entry (no {@code kind}); false for a change entry. */
    public static boolean isTick(Map<String, String> fields) {
        return !fields.containsKey("kind");
    }

    /** Decodes a stream entry, or returns null when it is not a well-formed tick. */
    public static Tick decodeStreamEntry(Map<String, String> fields) {
        try {
            return new Tick(fields.get("symbol"), Instant.parse(fields.get("ts")), Double.parseDouble(fields.get("price")),
                    Long.parseLong(fields.get("size")), fields.getOrDefault("source", ""),
                    fields.getOrDefault("trade_id", ""));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
