package dev.capflow.redis;

/**
 * basket-service's answer generations, read by the gateway's response cache: {@code {prefix}{basketId}:generation}
 * holds a number that moves whenever an answer about the basket may change, and {@code {prefix}dependents:{symbol}}
 * is the set of baskets whose answers were computed from the symbol's history. basket-service writes both.
 */
public final class AnswerGenerationKeys {

    /** The prefix of basket-service's keys ({@code capflow.basket.redis.key-prefix}). */
    public static final String DEFAULT_PREFIX = "capflow:basket:";
    /** What follows the basket id in a generation key (the Lua script that moves dependents appends it too). */
    public static final String GENERATION_SUFFIX = ":generation";

    private AnswerGenerationKeys() {}

    /** The generation key of {@code basketId}. */
    public static String generation(String prefix, String basketId) {
        return prefix + basketId + GENERATION_SUFFIX;
    }

    /** A SCAN pattern matching every generation key. */
    public static String everyGeneration(String prefix) {
        return prefix + "*" + GENERATION_SUFFIX;
    }

    /** The set of baskets computed from the history of {@code symbol}. */
    public static String dependents(String prefix, String symbol) {
        return prefix + "dependents:" + symbol;
    }
}
