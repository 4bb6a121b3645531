package dev.capflow.gateway.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.capflow.gateway.cache.AnswerCache;
import dev.capflow.gateway.request.InvalidFieldsException;
import dev.capflow.gateway.rest.BasketQuestions.Question;
import dev.capflow.gateway.rest.mapping.BasketMapping;
import dev.capflow.gateway.security.CallerTokenFilter;
import dev.capflow.gateway.security.RateLimitGate;
import dev.capflow.grpc.ResourceIds;
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
 * Answers {@code /baskets/{id}/performance} and {@code /compare} straight from Vert.x, ahead of RESTEasy's dispatch
 * and filters, which cost more than a cached hit and a good part of an uncached answer: a fresh cached answer is sent as
 * stored; on a definite miss, or with the cache off, basket-service is asked and its answer serialized, cached and
 * sent as the REST route would. Authentication and the route's role are checked by the HTTP security layer before any
 * route; the caller's read bucket is charged here as the REST filter would, and the caller's token is relayed. Only a
 * request in the plainest form takes this path: a canonical path with a well-formed id, only the route's own query
 * parameters, each once, non-empty and made of unreserved characters, no body, an Accept that takes JSON; so it asks
 * only what the REST route, which validates the same way, would ask. Anything else, Redis failing or slow (the REST
 * route then hedges) and an empty bucket go on to the REST route, which validates, charges and answers as always. A
 * failed call to basket-service goes on to it as well ({@link #FAILED}), to be answered stale or mapped to its problem
 * there, without being asked or charged again.
 */
@ApplicationScoped
public class BasketAnswerRoute {

    static final String PERFORMANCE_PATH = "/api/v1/baskets/:id/performance";
    static final String COMPARE_PATH = "/api/v1/compare";

    private static final Pattern PLAIN_ID = Pattern.compile("/api/v1/baskets/([A-Za-z0-9._~-]+)/performance");
    private static final Set<String> PERFORMANCE_PARAMETERS =
            Set.of("from", "to", "benchmark", "returnType", "riskFreeRate");
    private static final Set<String> COMPARE_PARAMETERS = Set.of("a", "b", "from", "to", "returnType");
    private static final Set<String> JSON_ACCEPTS = Set.of("*/*", "application/*", MediaType.APPLICATION_JSON);

    /** How many questions of recent request targets are remembered. */
    private static final int RECENT_QUESTIONS = 1024;

    /** The routing-context key of the {@link Failed} call this route made before passing the request on. */
    static final String FAILED = "capflow.basket-answer.failed";

    /** basket-service's failure to answer {@code question}, handed on for the REST route to answer. */
    record Failed(String question, Throwable failure) {}

    /**
     * The questions of recent plain requests by their request target (path and query), which alone decide the
     * question: working one out (the query's checks, basket-service's request and its SHA-256 key) was a measured part
     * of each cached hit's CPU. Bounded by count, so a caller varying its queries only evicts.
     */
    private final Cache<String, Question> recentQuestions = Caffeine.newBuilder()
            .maximumSize(RECENT_QUESTIONS)
            .executor(Runnable::run) // evictions in the caller: amortised constant work
            .build();

    private final AnswerCache cache;
    private final CachedAnswerResponses answers;
    private final BasketQuestions questions;
    private final RateLimitGate rateLimits;

    public BasketAnswerRoute(
            AnswerCache cache, CachedAnswerResponses answers, BasketQuestions questions, RateLimitGate rateLimits) {
        this.cache = cache;
        this.answers = answers;
        this.questions = questions;
        this.rateLimits = rateLimits;
    }

    void install(@Observes Router router) {
        router.get(PERFORMANCE_PATH).handler(context -> serve(context, PERFORMANCE_PARAMETERS, this::performance));
        router.get(COMPARE_PATH).handler(context -> serve(context, COMPARE_PARAMETERS, this::compare));
    }

    private Question performance(RoutingContext context, Map<String, String> query) {
        Matcher id = PLAIN_ID.matcher(context.request().path());
        if (!id.matches() || !ResourceIds.isWellFormed(id.group(1))) { // the REST route names a malformed id
            return null;
        }
        return questions.performance(BasketMapping.performanceRequest(
                id.group(1),
                query.get("from"),
                query.get("to"),
                query.get("benchmark"),
                query.get("returnType"),
                query.get("riskFreeRate")));
    }

    private Question compare(RoutingContext context, Map<String, String> query) {
        if (!context.request().path().equals(COMPARE_PATH)) {
            return null;
        }
        return questions.compare(BasketMapping.compareRequest(
                query.get("a"), query.get("b"), query.get("from"), query.get("to"), query.get("returnType")));
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
        if (!cache.enabled()) {
            ifAllowed(context, connection, () -> ask(context, connection, question, null));
            return;
        }
        cache.lookup(question.key(), question.basketIds())
                .subscribe()
                .with(
                        found -> {
                            if (found.hit() != null) {
                                ifAllowed(context, connection, () -> send(context, found.hit()));
                            } else if (found.tag() != null) {
                                // a definite miss; after a timeout or failure the REST route looks up again
                                ifAllowed(context, connection, () -> ask(context, connection, question, found.tag()));
                            } else {
                                on(connection, context::next);
                            }
                        },
                        failure -> on(connection, context::next));
    }

    /**
     * Runs {@code then} on the connection's context once the caller's read bucket is charged; an empty bucket goes on
     * to the REST route, which asks the bucket again and answers 429 like every route.
     */
    private void ifAllowed(RoutingContext context, Context connection, Runnable then) {
        rateLimits
                .chargeRead(context)
                .subscribe()
                .with(allowed -> on(connection, then), refused -> on(connection, context::next));
    }

    /** Asks basket-service with the caller's token and sends its answer, caching it under {@code tag} (if any). */
    private void ask(RoutingContext context, Context connection, Question question, String tag) {
        CallerTokenFilter.bind(RateLimitGate.principal(context));
        answers.fresh(question, tag)
                .subscribe()
                .with(
                        json -> on(connection, () -> send(context, Buffer.buffer(json))),
                        failure -> on(connection, () -> {
                            context.put(FAILED, new Failed(question.key(), failure));
                            context.next();
                        }));
    }

    private static void send(RoutingContext context, Buffer json) {
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                .end(json);
    }

    private Question plainQuestion(
            RoutingContext context,
            Set<String> parameters,
            BiFunction<RoutingContext, Map<String, String>, Question> asking) {
        HttpServerRequest request = context.request();
        if (!acceptsJson(request) || hasBody(request)) {
            return null;
        }
        Question recent = recentQuestions.getIfPresent(request.uri());
        if (recent != null) {
            return recent;
        }
        Map<String, String> query = plainQuery(request.query(), parameters);
        if (query == null) {
            return null;
        }
        try {
            Question question = asking.apply(context, query);
            if (question != null) {
                recentQuestions.put(request.uri(), question);
            }
            return question;
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
        if (!isPlain(rawQuery)) {
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

    /** Only unreserved characters, {@code =}, {@code &} and {@code :} (a loop: a regular expression cost more). */
    private static boolean isPlain(String rawQuery) {
        for (int i = 0; i < rawQuery.length(); i++) {
            char c = rawQuery.charAt(i);
            boolean plain = c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || c == '='
                    || c == '&'
                    || c == ':'
                    || c == '-';
            if (!plain) {
                return false;
            }
        }
        return true;
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
