package dev.capflow.devstack.token;

import dev.capflow.devstack.UsageException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs tokens for the local platform: RS256, {@code iss=capflow}, {@code aud=capflow-gateway} (or
 * {@code capflow-internal} for service identities), roles in {@code groups}.
 */
public final class DevTokens {

    public static final Set<String> ROLES = Set.of("viewer", "analyst", "ingest", "admin");
    /** Tokens for the gateway (and relayed by it to the services). */
    public static final String GATEWAY_AUDIENCE = "capflow-gateway";
    /** Service identity tokens: accepted by the gRPC services, refused by the gateway. */
    public static final String INTERNAL_AUDIENCE = "capflow-internal";

    public static final Set<String> AUDIENCES = Set.of(GATEWAY_AUDIENCE, INTERNAL_AUDIENCE);

    private DevTokens() {}

    /** A gateway token for {@code subject} with {@code role}, valid for {@code ttl}. */
    public static String sign(PrivateKey key, String subject, String role, Duration ttl) throws JoseException {
        return sign(key, GATEWAY_AUDIENCE, subject, role, ttl);
    }

    /** A token for {@code audience} and {@code subject} with {@code role}, valid for {@code ttl}. */
    public static String sign(PrivateKey key, String audience, String subject, String role, Duration ttl)
            throws JoseException {
        Instant now = Instant.now();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("capflow");
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", List.of(role));
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(ttl).getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        return jws.getCompactSerialization();
    }

    /** A lifetime such as {@code 90s}, {@code 30m}, {@code 8h} or {@code 7d}. */
    public static Duration parseTtl(String text) throws UsageException {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (!value.matches("[1-9][0-9]{0,6}[smhd]")) {
            throw new UsageException(
                    "--ttl must be a whole number followed by s, m, h or d (e.g. 8h), not '" + text + "'");
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
