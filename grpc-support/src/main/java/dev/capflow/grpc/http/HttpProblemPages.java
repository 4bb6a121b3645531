package dev.capflow.grpc.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers the HTTP errors no route answers itself with an RFC 9457 problem ({@code application/problem+json}) instead
 * of an HTML page, in every profile: an unknown path (404), a method the path does not take (405), and a request the
 * router failed with a bare client-error status. Every capflow
 * HTTP port installs it (the gateway's public API and the services' health and metrics ports).
 */
@ApplicationScoped
public class HttpProblemPages {

    /** The media type of every problem body. */
    public static final String MEDIA_TYPE = "application/problem+json";

    void install(@Observes Router router) {
        router.errorHandler(
                404,
                context -> answer(
                        context,
                        404,
                        "no route answers " + context.request().method() + " "
                                + context.request().path()));
        router.errorHandler(
                405,
                context -> answer(
                        context,
                        405,
                        context.request().path() + " does not take "
                                + context.request().method()));
        router.route().failureHandler(this::bareStatus);
    }

    /** A failure that carries only a client-error status (no exception): answered here, anything else passed on. */
    private void bareStatus(RoutingContext context) {
        int status = context.statusCode();
        if (context.failure() == null
                && status >= 400
                && status < 500
                && !context.response().headWritten()) {
            answer(context, status, HttpResponseStatus.valueOf(status).reasonPhrase());
        } else {
            context.next();
        }
    }

    /** Ends the response with a problem of type {@code about:blank}, titled by the status' reason phrase. */
    public static void answer(RoutingContext context, int status, String detail) {
        if (context.response().headWritten()) {
            return;
        }
        JsonObject problem = new JsonObject()
                .put("type", "about:blank")
                .put("title", HttpResponseStatus.valueOf(status).reasonPhrase())
                .put("status", status)
                .put("detail", detail)
                .put("instance", context.request().path());
        context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .end(problem.encode());
    }
}
