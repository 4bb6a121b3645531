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

    /** What an anonymous caller may do: every request of one asks, so it is worked out once. */
    private final Set<String> anonymousRoles;

    public RoleAugmentor(SecurityConfig config) {
        this.anonymousRoles = Set.copyOf(Roles.effective(config.anonymousReads() ? Set.of(Roles.VIEWER) : Set.of()));
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        Set<String> effective = identity.isAnonymous() ? anonymousRoles : Roles.effective(identity.getRoles());
        if (effective.equals(identity.getRoles())) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder(identity)
                        .addRoles(effective)
                        .build());
    }
}
