package dev.capflow.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs gateway tokens for tests: RS256 JWTs with the claims the gateway checks ({@code iss}, {@code aud},
 * {@code exp}, roles in {@code groups}). {@link #shared()} is one key pair per JVM, generated at first use and never
 * written to disk; it lives in system properties so every class loader of a Quarkus test sees the same pair.
 */
public final class TestTokens {

    public static final String ISSUER = "capflow";
    public static final String AUDIENCE = "capflow-gateway";
    /** The audience of service identity tokens, accepted by the gRPC services but not by the gateway. */
    public static final String INTERNAL_AUDIENCE = "capflow-internal";

    private static final String PUBLIC_PROPERTY = "capflow.test.jwt.public-key";
    private static final String PRIVATE_PROPERTY = "capflow.test.jwt.private-key";
    private static final Duration DEFAULT_TTL = Duration.ofHours(1);

    private final PublicKey publicKey;
    private final PrivateKey privateKey;

    private TestTokens(PublicKey publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** The key pair every gateway under test trusts (see {@code TestTokensConfigSource}, {@code ServiceEnv}). */
    public static synchronized TestTokens shared() {
        String publicDer = System.getProperty(PUBLIC_PROPERTY);
        String privateDer = System.getProperty(PRIVATE_PROPERTY);
        if (publicDer == null || privateDer == null) {
            TestTokens fresh = generate();
            System.setProperty(PUBLIC_PROPERTY, fresh.publicKeyBase64());
            System.setProperty(PRIVATE_PROPERTY, Base64.getEncoder().encodeToString(fresh.privateKey.getEncoded()));
            return fresh;
        }
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new TestTokens(
                    rsa.generatePublic(
                            new X509EncodedKeySpec(Base64.getDecoder().decode(publicDer))),
                    rsa.generatePrivate(
                            new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateDer))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the shared test key pair", e);
        }
    }

    /** A new key pair nobody trusts yet: tokens from it are forgeries to a gateway that trusts {@link #shared()}. */
    public static TestTokens generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new TestTokens(pair.getPublic(), pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime can make RSA keys", e);
        }
    }

    /** The public key as base64 DER (X.509 SubjectPublicKeyInfo), a form {@code mp.jwt.verify.publickey} accepts. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** The public key as PEM text, e.g. for env {@code MP_JWT_VERIFY_PUBLICKEY} of a gateway process. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /**
     * Writes the pair as {@code private.pem} (PKCS#8) and {@code public.pem} (X.509) into {@code dir}, the layout of
     * a devstack {@code --keys} directory, so {@code load-demo --keys dir} signs tokens a test gateway trusts. Only
     * for a build directory: it is a throwaway test key.
     */
    public Path writeKeys(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve("private.pem"), pem("PRIVATE KEY", privateKey.getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("public.pem"), publicKeyPem(), StandardCharsets.US_ASCII);
        return dir;
    }

    /** A token for the subject {@code test-ROLE} with that one role, valid for an hour. */
    public String token(String role) {
        return token("test-" + role, DEFAULT_TTL, role);
    }

    /** A token like {@link #token(String)} whose header names its key ({@code kid}), as an issuer with a JWK set signs. */
    public String tokenWithKeyId(String role, String keyId) {
        return signNamingKey(ISSUER, AUDIENCE, "test-" + role, issuedNow(DEFAULT_TTL), keyId, role);
    }

    /** The public key as a JWK named {@code keyId} (RS256, for signatures), a member of a JWK set. */
    public String jwk(String keyId) {
        try {
            RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) publicKey);
            jwk.setKeyId(keyId);
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            jwk.setUse("sig");
            return jwk.toJson();
        } catch (RuntimeException e) {
            throw new IllegalStateException("an RSA public key is a JWK", e);
        }
    }

    /** {@code Bearer } and {@link #token(String)}, the value of an Authorization header. */
    public String bearer(String role) {
        return "Bearer " + token(role);
    }

    /** A token for {@code subject} with {@code roles}, expiring {@code ttl} from now (negative: already expired). */
    public String token(String subject, Duration ttl, String... roles) {
        return sign(ISSUER, AUDIENCE, subject, ttl, roles);
    }

    /** A token like {@link #token(String, Duration, String...)} but from another issuer. */
    public String tokenFromIssuer(String issuer, String subject, String... roles) {
        return sign(issuer, AUDIENCE, subject, DEFAULT_TTL, roles);
    }

    /** A service identity token ({@link #INTERNAL_AUDIENCE}) for {@code subject} with {@code role}, valid for {@code ttl}. */
    public String serviceToken(String subject, String role, Duration ttl) {
        return sign(ISSUER, INTERNAL_AUDIENCE, subject, ttl, role);
    }

    /** A token like {@link #token(String, Duration, String...)} but for another audience. */
    public String tokenForAudience(String audience, String subject, String... roles) {
        return sign(ISSUER, audience, subject, DEFAULT_TTL, roles);
    }

    /** A token for {@code subject} with {@code roles} issued at {@code issuedAt} (ahead of the clock, say), valid {@code ttl}. */
    public String tokenIssuedAt(String subject, Instant issuedAt, Duration ttl, String... roles) {
        return signNamingKey(ISSUER, AUDIENCE, subject, new Validity(issuedAt, issuedAt.plus(ttl)), null, roles);
    }

    private String sign(String issuer, String audience, String subject, Duration ttl, String... roles) {
        return signNamingKey(issuer, audience, subject, issuedNow(ttl), null, roles);
    }

    /** When a token is issued and when it expires. */
    private record Validity(Instant issuedAt, Instant expiresAt) {}

    /** Issued now and expiring {@code ttl} from now; an expired one is issued a second before its expiry. */
    private static Validity issuedNow(Duration ttl) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(ttl);
        return new Validity(
                Instant.ofEpochSecond(Math.min(now.getEpochSecond(), expiresAt.getEpochSecond() - 1)), expiresAt);
    }

    /** A signed token; its header names the key {@code keyId} unless it is null. */
    private String signNamingKey(
            String issuer, String audience, String subject, Validity validity, String keyId, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", List.of(roles));
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromSeconds(validity.issuedAt().getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(validity.expiresAt().getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(privateKey);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        if (keyId != null) {
            jws.setKeyIdHeaderValue(keyId);
        }
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }
}
