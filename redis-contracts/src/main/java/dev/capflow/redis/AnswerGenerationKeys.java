package dev.capflow.redis;

/**
 * basket-service's answer generations, read by the gateway's response cache: {@code {prefix}{generations}:{basketId}:generation}
 * holds a number that moves whenever an answer about the basket may change, {@code {prefix}{generations}:dependents:{symbol}}
 * is the set of baskets whose answers were computed from the symbol's history, and {@code {prefix}{generations}:baskets}
 * the set of baskets that have a generation. basket-service writes all three. Every one carries the hash tag
 * {@link #TAG}, so on a Redis Cluster they share one slot: one MGET reads several generations, and the Lua scripts that
 * move generations touch keys of that one slot only.
 */
public final class AnswerGenerationKeys {

    /** The prefix of basket-service's keys ({@code capflow.basket.redis.key-prefix}). */
    public static final String DEFAULT_PREFIX = "capflow:basket:";
    /** What follows the basket id in a generation key (the Lua scripts that move generations append it too). */
    public static final String GENERATION_SUFFIX = ":generation";
    /** The hash tag of every generation key and dependents set. */
    public static final String TAG = "{generations}";

    private AnswerGenerationKeys() {}

    /** What precedes the basket id in a generation key (the Lua scripts that move generations prepend it). */
    public static String generationPrefix(String prefix) {
        return prefix + TAG + ":";
    }

    /** The generation key of {@code basketId}. */
    public static String generation(String prefix, String basketId) {
        return generationPrefix(prefix) + basketId + GENERATION_SUFFIX;
    }

    /** The set of baskets that have a generation key (what a repair moves; no SCAN, which a cluster answers per node). */
    public static String baskets(String prefix) {
        return generationPrefix(prefix) + "baskets";
    }

    /** The set of baskets computed from the history of {@code symbol}. */
    public static String dependents(String prefix, String symbol) {
        return generationPrefix(prefix) + "dependents:" + symbol;
    }
}
