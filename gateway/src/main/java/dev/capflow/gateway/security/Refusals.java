package dev.capflow.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capflow.gateway.problem.Problem;
import dev.capflow.gateway.problem.ProblemResponses;
import dev.capflow.gateway.problem.ProblemType;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** The problem answers of the security layer: 401 with a bearer challenge, and 403. */
@ApplicationScoped
public class Refusals {

    private final ObjectMapper mapper;

    public Refusals(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** No valid token: absent, forged, expired, or from another issuer or audience. */
    void unauthorized(RoutingContext context) {
        context.response().putHeader("WWW-Authenticate", "Bearer");
        send(
                context,
                Problem.of(
                        ProblemType.UNAUTHORIZED,
                        "this route needs a valid bearer token (absent, expired or not signed by a trusted key)",
                        context.request().path()));
    }

    /** A valid token whose roles do not allow the request. */
    void forbidden(RoutingContext context) {
        send(
                context,
                Problem.of(
                        ProblemType.FORBIDDEN,
                        "the token's roles do not allow " + context.request().method() + " "
                                + context.request().path(),
                        context.request().path()));
    }

    private void send(RoutingContext context, Problem problem) {
        ProblemResponses.send(context, mapper, problem);
    }
}
