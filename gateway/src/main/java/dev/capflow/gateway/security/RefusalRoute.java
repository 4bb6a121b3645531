package dev.capflow.gateway.security;

import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers the failures of the HTTP security layer with problem details: a token that does not authenticate 401, a
 * token without the role 403. (A request without any token is answered by {@link ProblemChallenge}.)
 */
@ApplicationScoped
public class RefusalRoute {

    private final Refusals refusals;

    public RefusalRoute(Refusals refusals) {
        this.refusals = refusals;
    }

    void install(@Observes Router router) {
        router.route().failureHandler(this::refuse);
    }

    private void refuse(RoutingContext context) {
        Throwable failure = context.failure();
        if (context.response().headWritten()) {
            context.next();
        } else if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException) {
            refusals.unauthorized(context);
        } else if (failure instanceof ForbiddenException) {
            refusals.forbidden(context);
        } else {
            context.next();
        }
    }
}
