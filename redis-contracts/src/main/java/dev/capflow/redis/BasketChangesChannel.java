package dev.capflow.redis;

/**
 * The pub/sub channel {@code {prefix}changes} on which a basket-service replica announces an edited or deleted basket
 * (the message is the basket id) to every replica's live watchers. Pub/sub keeps nothing.
 */
public final class BasketChangesChannel {

    private BasketChangesChannel() {}

    /** The channel under basket-service's key prefix ({@link AnswerGenerationKeys#DEFAULT_PREFIX} by default). */
    public static String channel(String prefix) {
        return prefix + "changes";
    }
}
