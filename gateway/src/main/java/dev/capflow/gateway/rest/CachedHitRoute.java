package dev.capflow.gateway.rest;

import com.google.protobuf.Message;
import dev.capflow.gateway.cache.AnswerCache;
import dev.capflow.gateway.request.InvalidFieldsException;
import dev.capflow.gateway.rest.mapping.BasketMapping;
import dev.capflow.gateway.security.RateLimitGate;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a fresh cached answer of {@code /baskets/{id}/performance} and {@code /compare} straight from Vert.x, ahead of
 * RESTEasy's dispatch and filters, which cost more than the hit itself. Authentication and the route's role are
 * checked by the HTTP security layer before any route; the caller's read bucket is charged here as the REST filter
 * would. Only a request in the plainest form takes this path: a canonical path, only the route's own query
 * parameters, each once, non-empty and made of unreserved characters, no body, an Accept that takes JSON. Anything
 * else, a miss, Redis failing or an empty bucket goes on to the REST route, which validates, charges and answers as
 * always; so a request the REST layer refuses is still refused, and a cached entry can only be found by a question the
 * REST route once answered.
 */
@ApplicationScoped
public class CachedHitRoute {

    static final String PERFORMANCE_PATH = "/api/v1/baskets/:id/performance";
    static final String COMPARE_PATH = "/api/v1/compare";

    private static final Pattern PLAIN_ID = Pattern.compile("/api/v1/baskets/([A-Za-z0-9._~-]+)/performance");
    private static final Pattern PLAIN_QUERY = Pattern.compile("[A-Za-z0-9._~=&:-]*");
    private static final Set<String> PERFORMANCE_PARAMETERS =
            Set.of("from", "to", "benchmark", "returnType", "riskFreeRate");
    private static final Set<String> COMPARE_PARAMETERS = Set.of("a", "b", "from", "to", "returnType");
    private static final Set<String> JSON_ACCEPTS = Set.of("*/*", "application/*", MediaType.APPLICATION_JSON);

    /** The routing-context key of a {@link Miss} this route found before passing the request on. */
    static final String MISS = "capflow.answer-cache.miss";

    /** A lookup that found no fresh answer to {@code question} (with its tag), handed on so the REST route does not look again. */
    record Miss(String question, AnswerCache.Lookup lookup) {}

    /** A cacheable question: its key in the cache and the baskets whose generations it depends on. */
    private record Question(String key, List<String> basketIds) {

        static Question of(String kind, Message request, List<String> basketIds) {
            return new Question(AnswerCache.question(kind, request.toByteArray()), basketIds);
        }
    }

    private final AnswerCache cache;
    private final RateLimitGate rateLimits;

    public CachedHitRoute(AnswerCache cache, RateLimitGate rateLimits) {
        this.cache = cache;
        this.rateLimits = rateLimits;
    }

    void install(@Observes Router router) {
        if (!cache.enabled()) { // nothing is ever cached: every request would only pay for the question
            return;
        }
        router.get(PERFORMANCE_PATH).handler(context -> serve(context, PERFORMANCE_PARAMETERS, this::performance));
        router.get(COMPARE_PATH).handler(context -> serve(context, COMPARE_PARAMETERS, this::compare));
    }

    private Question performance(RoutingContext context, Map<String, String> query) {
        Matcher id = PLAIN_ID.matcher(context.request().path());
        if (!id.matches()) {
            return null;
        }
        var request = BasketMapping.performanceRequest(
                id.group(1),
                query.get("from"),
                query.get("to"),
                query.get("benchmark"),
                query.get("returnType"),
                query.get("riskFreeRate"));
        return Question.of(CachedAnswerResponses.PERFORMANCE, request, List.of(request.getBasketId()));
    }

    private Question compare(RoutingContext context, Map<String, String> query) {
        if (!context.request().path().equals(COMPARE_PATH)) {
            return null;
        }
        var request = BasketMapping.compareRequest(
                query.get("a"), query.get("b"), query.get("from"), query.get("to"), query.get("returnType"));
        return Question.of(
                CachedAnswerResponses.COMPARE, request, List.of(request.getBasketIdA(), request.getBasketIdB()));
    }

    private void serve(
            RoutingContext context,
            Set<String> parameters,
            BiFunction<RoutingContext, Map<String, String>, Question> asking) {
        Question question = plainQuestion(context, parameters, asking);
        if (question == null) {
            context.next();
            return;
        }
        Context connection = Vertx.currentContext();
        cache.lookup(question.key(), question.basketIds())
                .subscribe()
                .with(
                        found -> {
                            if (found.hit() == null) {
                                if (found.tag() != null) { // a definite miss; a timeout or failure is looked up again
                                    context.put(MISS, new Miss(question.key(), found));
                                }
                                on(connection, context::next);
                            } else {
                                sendIfAllowed(context, connection, found.hit());
                            }
                        },
                        failure -> on(connection, context::next));
    }

    /** An empty bucket goes on to the REST route, which asks the bucket again and answers 429 like every route. */
    private void sendIfAllowed(RoutingContext context, Context connection, Buffer hit) {
        rateLimits
                .chargeRead(context)
                .subscribe()
                .with(
                        allowed -> on(
                                connection,
                                () -> context.response()
                                        .putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                                        .end(hit)),
                        refused -> on(connection, context::next));
    }

    private static Question plainQuestion(
            RoutingContext context,
            Set<String> parameters,
            BiFunction<RoutingContext, Map<String, String>, Question> asking) {
        HttpServerRequest request = context.request();
        Map<String, String> query = plainQuery(request.query(), parameters);
        if (query == null || !acceptsJson(request) || hasBody(request)) {
            return null;
        }
        try {
            return asking.apply(context, query);
        } catch (InvalidFieldsException invalid) {
            return null;
        }
    }

    /** Each parameter once, known, non-empty and of unreserved characters; null when the query is anything else. */
    static Map<String, String> plainQuery(String rawQuery, Set<String> parameters) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        if (!PLAIN_QUERY.matcher(rawQuery).matches()) {
            return null;
        }
        for (String pair : rawQuery.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || equals == pair.length() - 1 || pair.indexOf('=', equals + 1) >= 0) {
                return null;
            }
            String name = pair.substring(0, equals);
            if (!parameters.contains(name) || query.put(name, pair.substring(equals + 1)) != null) {
                return null;
            }
        }
        return query;
    }

    private static boolean acceptsJson(HttpServerRequest request) {
        List<String> accepts = request.headers().getAll(HttpHeaders.ACCEPT);
        return accepts.isEmpty() || accepts.size() == 1 && JSON_ACCEPTS.contains(accepts.get(0));
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && !length.equals("0")
                || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || request.getHeader(HttpHeaders.CONTENT_TYPE) != null;
    }

    private static void on(Context connection, Runnable action) {
        if (Vertx.currentContext() == connection) {
            action.run();
        } else {
            connection.runOnContext(ignored -> action.run());
        }
    }
}
