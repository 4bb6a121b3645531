package dev.capflow.gateway.security;

import dev.capflow.grpc.auth.Roles;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Expands each caller's roles by the {@link Roles} hierarchy and, when anonymous reads are on, lets an anonymous
 * caller act as a {@code viewer}. It stays anonymous, so a refused anonymous request still gets 401, not 403.
 */
@ApplicationScoped
public class RoleAugmentor implements SecurityIdentityAugmentor {

    private final SecurityConfig config;

    public RoleAugmentor(SecurityConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        Set<String> granted = identity.isAnonymous()
                ? (config.anonymousReads() ? Set.of(Roles.VIEWER) : Set.of())
                : identity.getRoles();
        Set<String> effective = Roles.effective(granted);
        if (effective.equals(identity.getRoles())) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder(identity)
                        .addRoles(effective)
                        .build());
    }
}
