package dev.capflow.grpc.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

/** The verifier with its memory of accepted tokens: remembered tokens stay refused once forged, altered or expired. */
class TokenVerifierTest {

    private static final KeyPair TRUSTED = keyPair();
    private static final KeyPair FORGER = keyPair();
    private static final Set<String> AUDIENCES = Set.of("capflow-gateway");

    private final AtomicLong clock = new AtomicLong(System.currentTimeMillis());
    private final TokenVerifier verifier = new TokenVerifier(
            Optional.of(Base64.getEncoder().encodeToString(TRUSTED.getPublic().getEncoded())),
            "capflow",
            AUDIENCES,
            2,
            clock::get);

    @Test
    void anAcceptedTokenIsAnsweredAgainFromMemory() throws Exception {
        String token = sign(TRUSTED, "alice", 3600, "analyst");

        Caller first = verifier.verify(token);
        Caller again = verifier.verify(token);

        assertThat(first.subject()).isEqualTo("alice");
        assertThat(first.roles()).containsExactlyInAnyOrder("analyst", "viewer");
        assertThat(again).isSameAs(first);
    }

    @Test
    void aForgedTokenWithTheSameClaimsIsRefusedWhileTheGenuineOneIsRemembered() throws Exception {
        String genuine = sign(TRUSTED, "alice", 3600, "admin");
        verifier.verify(genuine);

        String forged = sign(FORGER, "alice", 3600, "admin");
        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(TokenVerifier.InvalidTokenException.class);

        int inSignature = genuine.length() - 10;
        char changed = genuine.charAt(inSignature) == 'A' ? 'B' : 'A';
        String altered = genuine.substring(0, inSignature) + changed + genuine.substring(inSignature + 1);
        assertThatThrownBy(() -> verifier.verify(altered)).isInstanceOf(TokenVerifier.InvalidTokenException.class);
    }

    @Test
    void aTokenThatExpiredSecondsAgoIsRefusedWithoutClockSkew() throws Exception {
        // issued a minute ago for 55 s: a verifier allowing the usual 60 s of clock skew would still accept it
        String lapsed = signIssuedAt(TRUSTED, "alice", System.currentTimeMillis() / 1000 - 60, 55, "viewer");

        assertThatThrownBy(() -> verifier.verify(lapsed)).isInstanceOf(TokenVerifier.InvalidTokenException.class);
    }

    @Test
    void aTokenIssuedInTheFutureIsRefusedAndOneAFewSecondsAheadIsNot() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        // issued an hour ahead, valid for an hour from then: smallrye-jwt alone accepts it (iat is before exp)
        String ahead = signIssuedAt(TRUSTED, "alice", now + 3_600, 3_600, "viewer");
        String slightlyAhead = signIssuedAt(TRUSTED, "bob", now + 5, 3_600, "viewer");

        assertThatThrownBy(() -> verifier.verify(ahead))
                .isInstanceOf(TokenVerifier.InvalidTokenException.class)
                .hasMessageContaining("future");
        assertThat(verifier.verify(slightlyAhead).subject()).isEqualTo("bob");
    }

    @Test
    void aRememberedTokenIsForgottenAtItsExpiry() throws Exception {
        String token = sign(TRUSTED, "alice", 3600, "viewer");
        Caller caller = verifier.verify(token);
        VerifiedTokens tokens = new VerifiedTokens(2, clock::get);
        long expiresAtSeconds = clock.get() / 1000 + 10;
        tokens.keep(token, caller, expiresAtSeconds);

        clock.set(expiresAtSeconds * 1000 - 1);
        assertThat(tokens.find(token)).isSameAs(caller);
        clock.set(expiresAtSeconds * 1000);
        assertThat(tokens.find(token))
                .as("expired: verified again, never answered from memory")
                .isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void memoryIsBoundedAndDropsExpiredTokensFirst() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(2, clock::get);
        Caller caller = new Caller("alice", Set.of("viewer"), "t");
        long now = clock.get() / 1000;
        tokens.keep("short", caller, now + 1);
        tokens.keep("long", caller, now + 3600);
        // a minute later: an expired entry is removed within about a second (Caffeine's timer wheel), never served
        clock.addAndGet(60_000);

        tokens.keep("third", caller, now + 3600);

        assertThat(tokens.size()).isEqualTo(2);
        assertThat(tokens.find("short")).isNull();
        assertThat(tokens.find("long")).isSameAs(caller);
        assertThat(tokens.find("third")).isSameAs(caller);
    }

    @Test
    void whenFullOfLiveTokensATokenUsedOftenOutlastsOneOffTokens() {
        VerifiedTokens tokens = new VerifiedTokens(2, clock::get);
        Caller regular = new Caller("alice", Set.of("viewer"), "regular");
        Caller other = new Caller("bob", Set.of("viewer"), "once");
        long later = clock.get() / 1000 + 3600;
        tokens.keep("regular", regular, later);
        for (int call = 0; call < 3; call++) {
            assertThat(tokens.find("regular")).isSameAs(regular);
        }

        for (int i = 0; i < 20; i++) {
            tokens.keep("once-" + i, other, later);
            assertThat(tokens.size()).as("bounded").isLessThanOrEqualTo(2);
        }

        // a memory cleared whenever full of live tokens would have lost it with the second one-off token
        assertThat(tokens.find("regular")).isSameAs(regular);
    }

    @Test
    void aKeySetOfTheOldAndTheNewKeyAcceptsTokensOfEitherDuringARotation() throws Exception {
        KeyPair next = keyPair();
        String keySet = "{\"keys\": [" + jwk(TRUSTED, "2025") + ", " + jwk(next, "2026") + "]}";
        TokenVerifier rotating = new TokenVerifier(Optional.of(keySet), "capflow", AUDIENCES);

        assertThat(rotating.verify(signWithKeyId(TRUSTED, "2025", "alice")).subject())
                .isEqualTo("alice");
        assertThat(rotating.verify(signWithKeyId(next, "2026", "bob")).subject())
                .isEqualTo("bob");
        assertThatThrownBy(() -> rotating.verify(signWithKeyId(FORGER, "2026", "mallory")))
                .as("a key id names a key; it does not make another key's signature good")
                .isInstanceOf(TokenVerifier.InvalidTokenException.class);
    }

    private static String jwk(KeyPair keys, String keyId) throws JoseException {
        org.jose4j.jwk.RsaJsonWebKey jwk =
                new org.jose4j.jwk.RsaJsonWebKey((java.security.interfaces.RSAPublicKey) keys.getPublic());
        jwk.setKeyId(keyId);
        jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        jwk.setUse("sig");
        return jwk.toJson();
    }

    private static String signWithKeyId(KeyPair keys, String keyId, String subject) throws JoseException {
        String token = sign(keys, subject, 3600, "viewer");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        JsonWebSignature withKeyId = new JsonWebSignature();
        withKeyId.setPayload(jws.getUnverifiedPayload());
        withKeyId.setKey(keys.getPrivate());
        withKeyId.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        withKeyId.setHeader("typ", "JWT");
        withKeyId.setKeyIdHeaderValue(keyId);
        return withKeyId.getCompactSerialization();
    }

    private static String sign(KeyPair keys, String subject, long ttlSeconds, String... roles) throws JoseException {
        return signIssuedAt(keys, subject, System.currentTimeMillis() / 1000, ttlSeconds, roles);
    }

    private static String signIssuedAt(KeyPair keys, String subject, long now, long ttlSeconds, String... roles)
            throws JoseException {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("capflow");
        claims.setAudience("capflow-gateway");
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", List.of(roles));
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + ttlSeconds));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        return jws.getCompactSerialization();
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
