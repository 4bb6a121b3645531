package dev.capflow.redis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

/**
 * The price stream's keys and entry format, written by ingest-service and read by every service that follows prices.
 * The stream is sharded: {@link Shards} names its N streams and the one a symbol's entries go to.
 * A tick entry is {@code symbol, price, size, ts} (ISO-8601 instant), {@code origin} (the writing process's id), plus
 * {@code source} and {@code trade_id} when the tick has an identity; it has no {@code kind}. A packed entry carries
 * several ticks of one shard in order: {@code ticks} (their text, see {@link PackedTicks}) and {@code origin}; no
 * {@code kind} either. A reader takes the ticks of both with {@link #ticks}. A change entry announces changed
 * history: {@code kind} ({@link #BARS}, {@link #BARS_REPLACED}, {@link #CORPORATE_ACTION},
 * {@link #INSTRUMENT_CURRENCY}, or a kind added later),
 * {@code symbols} (comma-separated) and {@code origin}.
 */
public final class PriceStreamEntries {

    /** The prefix of the shard streams' keys: shard n is {@code capflow:prices:{n}}. */
    public static final String DEFAULT_KEY = "capflow:prices";
    /** The number of shard streams; every service must use the same (a different N reads and writes other keys). */
    public static final String DEFAULT_SHARDS = "16";
    /** The shards every service uses by default. */
    public static final Shards DEFAULT_SHARDING = new Shards(DEFAULT_KEY, Integer.parseInt(DEFAULT_SHARDS));
    /** The {@code kind} of an entry announcing newly stored daily bars of {@code symbols}. */
    public static final String BARS = "bars";
    /** The {@code kind} of an entry announcing that corrections replaced stored daily bars of {@code symbols}. */
    public static final String BARS_REPLACED = "bars-replaced";
    /** The {@code kind} of an entry announcing a newly recorded split or dividend of {@code symbols}. */
    public static final String CORPORATE_ACTION = "corporate-action";
    /**
     * The {@code kind} of an entry announcing that the currency of registered instruments {@code symbols} changed,
     * which changes how their prices convert in every basket that holds them.
     */
    public static final String INSTRUMENT_CURRENCY = "instrument-currency";

    private static final String KIND = "kind";
    private static final String ORIGIN = "origin";
    private static final String SYMBOLS = "symbols";
    private static final String TICKS = "ticks";

    private PriceStreamEntries() {}

    /** The fields of a tick entry written by process {@code origin}. */
    public static Map<String, String> tick(StreamTick tick, String origin) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("symbol", tick.symbol());
        fields.put("price", price(tick));
        fields.put("size", size(tick));
        fields.put("ts", ts(tick));
        fields.put(ORIGIN, origin);
        if (tick.hasIdentity()) {
            fields.put("source", tick.source());
            fields.put("trade_id", tick.tradeId());
        }
        return fields;
    }

    /** A packed entry of {@code ticks} (at least one, of one shard, in order) written by {@code origin}. */
    public static Map<String, String> packed(List<StreamTick> ticks, String origin) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(TICKS, PackedTicks.pack(ticks));
        fields.put(ORIGIN, origin);
        return fields;
    }

    /** A tick entry's {@code price} field: {@link Double#toString(double)}'s text, as a packed entry writes it. */
    static String price(StreamTick tick) {
        return PriceDecimals.append(new StringBuilder(), tick.price()).toString();
    }

    /** A tick entry's {@code size} field. */
    static String size(StreamTick tick) {
        return Long.toString(tick.size());
    }

    /** A tick entry's {@code ts} field: ISO-8601, as precise as the tick. */
    static String ts(StreamTick tick) {
        return IsoInstants.format(tick.ts());
    }

    /** The fields of a change entry: the history of {@code symbols} changed ({@code kind}, e.g. {@link #BARS}). */
    public static Map<String, String> change(String kind, Collection<String> symbols, String origin) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(KIND, kind);
        fields.put(SYMBOLS, String.join(",", symbols));
        fields.put(ORIGIN, origin);
        return fields;
    }

    /** True for a change entry, whatever its kind (a kind added later still means changed history). */
    public static boolean isChange(Map<String, String> fields) {
        return fields.containsKey(KIND);
    }

    /** The id of the process that wrote the entry (null when absent). */
    public static String origin(Map<String, String> fields) {
        return fields.get(ORIGIN);
    }

    /** The symbols whose history a change entry names (none when it names none). */
    public static List<String> changedSymbols(Map<String, String> fields) {
        String symbols = fields.get(SYMBOLS);
        if (symbols == null || symbols.isBlank()) {
            return List.of();
        }
        return Arrays.stream(symbols.split(","))
                .map(String::trim)
                .filter(symbol -> !symbol.isEmpty())
                .toList();
    }

    /**
     * The ticks of an entry that is not a change, in order: the one of a tick entry, every one of a packed entry; null
     * when the entry is malformed (then none of its ticks is taken).
     */
    public static List<StreamTick> ticks(Map<String, String> fields) {
        String packed = fields.get(TICKS);
        if (packed == null) {
            StreamTick tick = decodeTick(fields);
            return tick == null ? null : List.of(tick);
        }
        try {
            return PackedTicks.unpack(packed);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The tick of a tick entry, or null when the entry is not a well-formed tick. */
    public static StreamTick decodeTick(Map<String, String> fields) {
        try {
            return new StreamTick(
                    fields.get("symbol"),
                    IsoInstants.parse(fields.get("ts")),
                    Double.parseDouble(fields.get("price")),
                    Long.parseLong(fields.get("size")),
                    fields.getOrDefault("source", ""),
                    fields.getOrDefault("trade_id", ""));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The N shard streams under {@code prefix}: shard n is {@code prefix:{n}}, its own Redis Cluster hash slot (the
     * braces are the hash tag), so the shards spread over the masters. A symbol's entries always go to shard
     * {@code crc32(utf8(symbol)) mod N}, so one shard holds them in order.
     */
    public record Shards(String prefix, int count) {

        public Shards {
            if (count < 1) {
                throw new IllegalArgumentException("the price stream needs at least one shard, not " + count);
            }
        }

        /** The shard that {@code symbol}'s entries go to. */
        public int shardOf(String symbol) {
            CRC32 crc = new CRC32();
            crc.update(symbol.getBytes(StandardCharsets.UTF_8));
            return (int) (crc.getValue() % count);
        }

        /** The stream key of shard {@code shard}. */
        public String key(int shard) {
            return prefix + ":{" + shard + "}";
        }

        /** The stream key that {@code symbol}'s entries go to. */
        public String keyFor(String symbol) {
            return key(shardOf(symbol));
        }

        /** Every shard's stream key, shard 0 first. */
        public List<String> keys() {
            return IntStream.range(0, count).mapToObj(this::key).toList();
        }

        /** {@code symbols} grouped by the stream key they go to, in first-seen order: a change entry per group. */
        public Map<String, List<String>> bySymbolKey(Collection<String> symbols) {
            Map<String, List<String>> groups = new LinkedHashMap<>();
            symbols.forEach(symbol -> groups.computeIfAbsent(keyFor(symbol), key -> new ArrayList<>())
                    .add(symbol));
            return groups;
        }
    }

    /** A tick as the stream carries it; {@code source} and {@code tradeId} are empty when it has no identity. */
    public record StreamTick(String symbol, Instant ts, double price, long size, String source, String tradeId) {

        /** True when the tick names its source or trade id, so that its entry carries both. */
        public boolean hasIdentity() {
            return !source.isEmpty() || !tradeId.isEmpty();
        }
    }
}
