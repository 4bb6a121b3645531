package dev.capflow.gateway.security;

import dev.capflow.grpc.http.HttpProblemPages;
import io.quarkus.vertx.http.runtime.cors.CORSFilter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a cross-origin request from an origin {@code quarkus.http.cors.origins} does not allow with a 403 problem,
 * just before Quarkus' CORS filter would refuse it with an empty body. Origins are matched as that filter matches them
 * (exact, {@code *}, or {@code /regex/}, with its own helpers); a request whose origin names the host it was sent to
 * is left to that filter.
 */
@ApplicationScoped
public class CorsRefusals {

    /** Quarkus' CORS filter runs at priority 300: a higher priority runs first. */
    private static final int PRIORITY = 310;

    private final boolean enabled;
    private final List<String> origins;
    private final boolean anyOrigin;
    private final List<Pattern> originPatterns;

    public CorsRefusals(
            @ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        this.enabled = enabled;
        this.origins = origins.orElse(List.of());
        // Quarkus reads "no origins configured" as a wildcard here, while its filter then allows only the same origin
        this.anyOrigin = origins.isPresent() && CORSFilter.isConfiguredWithWildcard(origins);
        this.originPatterns = CORSFilter.parseAllowedOriginsRegex(origins);
    }

    void install(@Observes Filters filters) {
        if (enabled) {
            filters.register(this::check, PRIORITY);
        }
    }

    private void check(RoutingContext context) {
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null || allowed(origin, context.request().authority())) {
            context.next();
        } else {
            HttpProblemPages.answer(context, 403, "requests from origin " + origin + " are not allowed (CORS)");
        }
    }

    /** Whether a request from {@code origin} sent to {@code authority} may pass on to Quarkus' CORS filter. */
    boolean allowed(String origin, HostAndPort authority) {
        return anyOrigin
                || origins.contains(origin)
                || CORSFilter.isOriginAllowedByRegex(originPatterns, origin)
                || sameHost(origin, authority);
    }

    /** Whether the origin names the host (and port) the request was sent to; its scheme is left to Quarkus' filter. */
    private static boolean sameHost(String origin, HostAndPort authority) {
        if (authority == null) {
            return false;
        }
        String host = origin.substring(origin.indexOf("://") + 3);
        return host.equals(authority.toString()) || host.equals(authority.host());
    }
}
