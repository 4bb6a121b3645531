package dev.capflow.grpc.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Tokens whose signature and claims were verified, keyed by the exact token text, each kept only until its own
 * expiry: a signature check (RSA) costs more than the rest of a cached call. A forged or altered token is another
 * text, so it is never found here and is verified (and refused) as before; an expired one is not found, so it is
 * verified again, which refuses it. A Caffeine cache: at most {@code maxTokens}, past which the tokens used least
 * often give way (W-TinyLFU); an expired token is never found, and its entry is removed within about a second of its
 * expiry (Caffeine's timer wheel).
 */
final class VerifiedTokens {

    private record Verified(Caller caller, long expiresAtSeconds) {}

    private final Cache<String, Verified> tokens;

    VerifiedTokens(int maxTokens, LongSupplier clockMillis) {
        this.tokens = Caffeine.newBuilder()
                .maximumSize(maxTokens)
                .expireAfter(Expiry.creating((String token, Verified verified) ->
                        Duration.ofSeconds(verified.expiresAtSeconds()).minusMillis(clockMillis.getAsLong())))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clockMillis.getAsLong()))
                // evictions run in the caller (amortised constant work), so the bound holds when keep() returns
                .executor(Runnable::run)
                .build();
    }

    /** The caller of {@code token} if it was verified and has not expired since, else null. */
    Caller find(String token) {
        Verified verified = tokens.getIfPresent(token);
        return verified == null ? null : verified.caller();
    }

    /** Keeps {@code caller}, verified from {@code token}, until {@code expiresAtSeconds} (the token's {@code exp}). */
    void keep(String token, Caller caller, long expiresAtSeconds) {
        tokens.put(token, new Verified(caller, expiresAtSeconds));
    }

    /** How many tokens are held, expired ones not yet removed included. */
    int size() {
        return Math.toIntExact(tokens.estimatedSize());
    }
}
