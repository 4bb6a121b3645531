package dev.capflow.grpc.auth;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks bearer tokens the way the gateway does, with smallrye-jwt: an RS256 signature by the configured key, the
 * issuer, one of the accepted audiences, expiry (no clock skew) and an issue time not ahead of the clock by more than
 * {@value #MAX_ISSUED_AHEAD_SECONDS} s; the roles are the {@code groups} claim. A token
 * once accepted is remembered until its expiry ({@link VerifiedTokens}), so a caller's repeated calls pay the signature
 * check once.
 */
public final class TokenVerifier {

    /** How many distinct verified tokens are remembered at most. */
    static final int MAX_REMEMBERED_TOKENS = 4096;

    /**
     * How far in the future a token's {@code iat} may be: an issuer's clock may run a little ahead, but a token issued
     * later than that was minted to outlive its keys' rotation or any lifetime rule.
     */
    public static final long MAX_ISSUED_AHEAD_SECONDS = 60;

    private final JWTParser parser;
    private final VerifiedTokens verified;
    private final LongSupplier clockMillis;

    /**
     * A verifier of tokens signed for {@code publicKey} (PEM or base64 DER) by {@code issuer} for one of
     * {@code audiences}; without a key it refuses every token.
     */
    public TokenVerifier(Optional<String> publicKey, String issuer, Set<String> audiences) {
        this(publicKey, issuer, audiences, MAX_REMEMBERED_TOKENS, System::currentTimeMillis);
    }

    /** As above, remembering at most {@code maxRemembered} tokens, their expiry judged by {@code clockMillis}. */
    TokenVerifier(
            Optional<String> publicKey,
            String issuer,
            Set<String> audiences,
            int maxRemembered,
            LongSupplier clockMillis) {
        this.parser = publicKey
                .map(key -> new DefaultJWTParser(contextInfo(key, issuer, audiences)))
                .orElse(null);
        this.verified = new VerifiedTokens(maxRemembered, clockMillis);
        this.clockMillis = clockMillis;
    }

    /** Whether a key is configured; a service without one refuses every call but health. */
    public boolean hasKey() {
        return parser != null;
    }

    /** The caller {@code token} names, or {@link InvalidTokenException} saying why it is not accepted. */
    public Caller verify(String token) throws InvalidTokenException {
        if (parser == null) {
            throw new InvalidTokenException("this service has no token verification key configured");
        }
        Caller known = verified.find(token);
        if (known != null) {
            return known;
        }
        try {
            JsonWebToken jwt = parser.parse(token);
            if (issuedAhead(jwt, clockMillis.getAsLong())) {
                throw new InvalidTokenException("the bearer token is issued in the future (iat)");
            }
            Caller caller = new Caller(jwt.getSubject(), Roles.effective(jwt.getGroups()), token);
            verified.keep(token, caller, jwt.getExpirationTime());
            return caller;
        } catch (ParseException e) {
            throw new InvalidTokenException("the bearer token is invalid, forged, expired or from another issuer");
        }
    }

    /**
     * Whether {@code jwt}'s {@code iat} is more than {@link #MAX_ISSUED_AHEAD_SECONDS} after {@code nowMillis};
     * smallrye-jwt checks only that it is before the expiry.
     */
    public static boolean issuedAhead(JsonWebToken jwt, long nowMillis) {
        return jwt.getClaim(Claims.iat.name()) instanceof Number issuedAt
                && issuedAt.longValue() > nowMillis / 1000 + MAX_ISSUED_AHEAD_SECONDS;
    }

    private static JWTAuthContextInfo contextInfo(String publicKey, String issuer, Set<String> audiences) {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setPublicKeyContent(publicKey);
        info.setIssuedBy(issuer);
        info.setExpectedAudience(audiences);
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setExpGracePeriodSecs(0);
        info.setClockSkew(0); // smallrye-jwt allows 60 s past exp by default
        return info;
    }

    /** A token that is not accepted: the call is answered UNAUTHENTICATED with this message. */
    public static final class InvalidTokenException extends Exception {

        private static final long serialVersionUID = 1L;

        public InvalidTokenException(String message) {
            super(message, null, false, false);
        }
    }
}
