package dev.capflow.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Ends a Vert.x route's response with a problem body, for the routes that answer before RESTEasy's mappers run. */
public final class ProblemResponses {

    private ProblemResponses() {}

    public static void send(RoutingContext context, ObjectMapper mapper, Problem problem) {
        try {
            context.response()
                    .setStatusCode(problem.getStatus())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem body", e);
        }
    }
}
