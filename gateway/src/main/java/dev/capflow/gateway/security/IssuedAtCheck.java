package dev.capflow.gateway.security;

import dev.capflow.grpc.auth.TokenVerifier;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses (401) a bearer token issued further in the future than {@link TokenVerifier#MAX_ISSUED_AHEAD_SECONDS}, as the
 * services do: smallrye-jwt checks only that {@code iat} is before the expiry, so such a token would outlive the
 * rotation of the key that signed it.
 */
@ApplicationScoped
public class IssuedAtCheck implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt
                && TokenVerifier.issuedAhead(jwt, System.currentTimeMillis())) {
            return Uni.createFrom()
                    .failure(new AuthenticationFailedException("the bearer token is issued in the future"));
        }
        return Uni.createFrom().item(identity);
    }
}
