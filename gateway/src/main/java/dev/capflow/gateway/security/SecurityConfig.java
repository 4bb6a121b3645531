package dev.capflow.gateway.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who may call the API without a token ({@code capflow.gateway.security.*}); the route rules are in application.properties. */
@ConfigMapping(prefix = "capflow.gateway.security")
public interface SecurityConfig {

    /**
     * An anonymous caller counts as a {@code viewer}: it may read (and run stress scenarios) but never write. Off in
     * prod; on in dev and on the local platform ({@code ./capflow up}).
     */
    @WithDefault("false")
    boolean anonymousReads();
}
