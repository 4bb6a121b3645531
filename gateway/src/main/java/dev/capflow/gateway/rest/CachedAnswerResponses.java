package dev.capflow.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Message;
import dev.capflow.gateway.cache.AnswerCache;
import dev.capflow.gateway.rest.BasketQuestions.Question;
import dev.capflow.grpc.GrpcFailures;
import io.grpc.Status;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Serves the GET routes whose answers are worth keeping through {@link AnswerCache}. The basket answer routes
 * ({@link #serve}) are cached: a fresh cached answer is sent as the stored JSON bytes, with no mapping or
 * serialization; a miss asks basket-service, serializes the view once, caches the bytes and sends them. The other
 * reads ({@link #serveLastGood}) always ask their service and keep its answer as the last good one. On every route,
 * while the service is down (UNAVAILABLE after the retries, its circuit breaker open, or no answer within the
 * deadline) the last good answer to the same question is sent, marked stale; without one the failure is answered as
 * usual (503, 504).
 */
@ApplicationScoped
public class CachedAnswerResponses {

    /** Set to {@code true} on an answer served from the last good copy while its service is down. */
    public static final String STALE_HEADER = "X-Capflow-Stale";
    /** RFC 7234 warning 110, "Response is Stale". */
    static final String STALE_WARNING = "110 - \"Response is Stale\"";

    private static final String NEXT_SUFFIX = "/next-page-token";

    private final AnswerCache cache;
    private final ObjectMapper json;
    private final CurrentVertxRequest currentRequest;

    public CachedAnswerResponses(AnswerCache cache, ObjectMapper json, CurrentVertxRequest currentRequest) {
        this.cache = cache;
        this.json = json;
        this.currentRequest = currentRequest;
    }

    /**
     * The answer to {@code question}: the cached one when fresh, else basket-service's ({@link Question#view}). When
     * {@link BasketAnswerRoute} already asked basket-service for this request and failed, that failure is answered
     * (stale or mapped to a problem) without asking again.
     */
    public Uni<RestResponse<Buffer>> serve(Question question) {
        Throwable failed = failureFoundAhead(question.key());
        if (failed != null) {
            return answer(question.key(), null, () -> Uni.createFrom().failure(failed));
        }
        Uni<AnswerCache.Lookup> lookup = cache.lookupUntimed(question.key(), question.basketIds())
                .memoize()
                .indefinitely();
        return lookup.ifNoItem()
                .after(cache.timeout())
                .fail()
                .onFailure(TimeoutException.class)
                .recoverWithNull()
                .chain(found -> found == null
                        ? hedged(question.key(), lookup, question.view())
                        : found.hit() != null
                                ? Uni.createFrom().item(ok(found.hit()))
                                : answer(question.key(), found.tag(), question.view()));
    }

    /**
     * basket-service's answer to {@code question} as JSON bytes, serialized once and cached under {@code tag} (only as
     * the last good answer when null).
     */
    Uni<byte[]> fresh(Question question, String tag) {
        return computed(question.key(), tag, question.view());
    }

    /** The failure {@link BasketAnswerRoute} met asking {@code question} on this request, or null. */
    private Throwable failureFoundAhead(String question) {
        RoutingContext context = currentRequest.getCurrent();
        return context != null
                        && context.get(BasketAnswerRoute.FAILED) instanceof BasketAnswerRoute.Failed failed
                        && failed.question().equals(question)
                ? failed.failure()
                : null;
    }

    /**
     * Redis has not answered within the timeout: basket-service is asked, and the cached answer is still sent if it
     * comes first (the other is then cancelled). A slow Redis under load, or a large entry, then costs its own time
     * rather than a recomputation, which for a large basket is seconds; a Redis that never answers costs the timeout.
     */
    private Uni<RestResponse<Buffer>> hedged(String question, Uni<AnswerCache.Lookup> lookup, Supplier<Uni<?>> view) {
        Uni<RestResponse<Buffer>> lateHit = lookup.chain(found -> found.hit() != null
                ? Uni.createFrom().item(ok(found.hit()))
                : Uni.createFrom().nothing());
        return Uni.combine().any().of(lateHit, answer(question, null, view));
    }

    /**
     * The answer to {@code request} (of {@code kind}), always from the service ({@code view}), kept as the last good
     * answer to serve stale while the service is down. {@code kind} names the route: answers of different routes to
     * equal requests must not mix.
     */
    public Uni<RestResponse<Buffer>> serveLastGood(String kind, Message request, Supplier<Uni<?>> view) {
        return answer(AnswerCache.question(kind, request.toByteArray()), null, view);
    }

    /**
     * Like {@link #serveLastGood}, for one page of a list route: {@code page} asks the service for the page's items
     * and the next page's token; the body is the items' JSON array, the token goes out in {@link Paging#NEXT_HEADER}
     * (kept with the last good answer, so a stale page still leads on).
     */
    public Uni<RestResponse<Buffer>> serveLastGoodPage(String kind, Message request, Supplier<Uni<ListPage>> page) {
        String question = AnswerCache.question(kind, request.toByteArray());
        String nextQuestion = question + NEXT_SUFFIX;
        return page.get()
                .onFailure()
                .transform(Paging::restNames)
                .map(answer -> {
                    byte[] bytes = serialize(answer.items());
                    cache.store(question, null, bytes);
                    cache.store(nextQuestion, null, answer.nextPageToken().getBytes(StandardCharsets.UTF_8));
                    return withNext(ok(Buffer.buffer(bytes)), answer.nextPageToken());
                })
                .onFailure(CachedAnswerResponses::serviceDown)
                .recoverWithUni(failure -> cache.lastGood(question)
                        .onItem()
                        .ifNull()
                        .failWith(() -> failure)
                        .chain(body -> cache.lastGood(nextQuestion)
                                .map(next -> withNext(
                                        stale(body), next == null ? "" : next.toString(StandardCharsets.UTF_8)))));
    }

    /** One page of a list: its items (mapped to their JSON views) and the next page's token ("" on the last). */
    public record ListPage(List<?> items, String nextPageToken) {}

    private static RestResponse<Buffer> withNext(RestResponse<Buffer> response, String nextPageToken) {
        RestResponse.ResponseBuilder<Buffer> builder = RestResponse.ResponseBuilder.fromResponse(response);
        return nextPageToken.isEmpty()
                ? response
                : builder.header(Paging.NEXT_HEADER, nextPageToken).build();
    }

    private Uni<byte[]> computed(String question, String tag, Supplier<Uni<?>> view) {
        return view.get().map(answer -> {
            byte[] bytes = serialize(answer);
            cache.store(question, tag, bytes);
            return bytes;
        });
    }

    private Uni<RestResponse<Buffer>> answer(String question, String tag, Supplier<Uni<?>> view) {
        return computed(question, tag, view)
                .map(bytes -> ok(Buffer.buffer(bytes)))
                .onFailure(CachedAnswerResponses::serviceDown)
                .recoverWithUni(failure -> cache.lastGood(question)
                        .onItem()
                        .ifNull()
                        .failWith(() -> failure)
                        .map(CachedAnswerResponses::stale));
    }

    private byte[] serialize(Object answer) {
        try {
            return json.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialize " + answer.getClass().getSimpleName(), e);
        }
    }

    private static boolean serviceDown(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CircuitBreakerOpenException) {
                return true;
            }
        }
        return GrpcFailures.isUnavailable(failure) || GrpcFailures.statusCode(failure) == Status.Code.DEADLINE_EXCEEDED;
    }

    private static RestResponse<Buffer> ok(Buffer body) {
        return RestResponse.ResponseBuilder.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    private static RestResponse<Buffer> stale(Buffer body) {
        return RestResponse.ResponseBuilder.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("Warning", STALE_WARNING)
                .header(STALE_HEADER, "true")
                .build();
    }
}
