package dev.capflow.grpc.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Tokens whose signature and claims were verified, keyed by the exact token text, each kept only until its own
 * expiry: a signature check (RSA) costs more than the rest of a cached call. A forged or altered token is another
 * text, so it is never found here and is verified (and refused) as before; an expired one is dropped and verified
 * again, which refuses it. Bounded: when full, expired entries are dropped, and if none were, all are.
 */
final class VerifiedTokens {

    private record Verified(Caller caller, long expiresAtMillis) {}

    private final Map<String, Verified> tokens = new ConcurrentHashMap<>();
    private final int maxTokens;
    private final LongSupplier clockMillis;

    VerifiedTokens(int maxTokens, LongSupplier clockMillis) {
        this.maxTokens = maxTokens;
        this.clockMillis = clockMillis;
    }

    /** The caller of {@code token} if it was verified and has not expired since, else null. */
    Caller find(String token) {
        Verified verified = tokens.get(token);
        if (verified == null) {
            return null;
        }
        if (clockMillis.getAsLong() >= verified.expiresAtMillis()) {
            tokens.remove(token, verified);
            return null;
        }
        return verified.caller();
    }

    /** Keeps {@code caller}, verified from {@code token}, until {@code expiresAtSeconds} (the token's {@code exp}). */
    void keep(String token, Caller caller, long expiresAtSeconds) {
        if (tokens.size() >= maxTokens) {
            long now = clockMillis.getAsLong();
            tokens.values().removeIf(verified -> now >= verified.expiresAtMillis());
            if (tokens.size() >= maxTokens) {
                tokens.clear();
            }
        }
        tokens.put(token, new Verified(caller, expiresAtSeconds * 1000));
    }

    int size() {
        return tokens.size();
    }
}
