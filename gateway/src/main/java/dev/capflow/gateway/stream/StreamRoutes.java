package dev.capflow.gateway.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capflow.gateway.client.BasketClient;
import dev.capflow.gateway.client.IngestClient;
import dev.capflow.gateway.problem.GrpcProblems;
import dev.capflow.gateway.problem.Problem;
import dev.capflow.gateway.problem.ProblemType;
import dev.capflow.gateway.request.Fields;
import dev.capflow.gateway.request.InvalidFieldsException;
import dev.capflow.gateway.request.SymbolList;
import dev.capflow.gateway.security.RateLimitGate;
import dev.capflow.gateway.security.RateLimitedException;
import dev.capflow.grpc.GrpcFailures;
import dev.capflow.proto.basket.v1.GetBasketRequest;
import dev.capflow.proto.basket.v1.WatchBasketRequest;
import dev.capflow.proto.basket.v1.WatchBasketResponse;
import dev.capflow.proto.ingest.v1.Instrument;
import dev.capflow.proto.ingest.v1.ListInstrumentsRequest;
import dev.capflow.proto.ingest.v1.SubscribePricesRequest;
import dev.capflow.proto.ingest.v1.SubscribePricesResponse;
import io.grpc.Status;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * The Server-Sent Events routes. The question is checked before the stream starts (a malformed or unknown symbol is a
 * 400, an unknown basket a 404, a failing service 503/504, all problem+json); then the client joins the stream shared
 * by every client asking the same question (see {@link LiveTopic}).
 */
@ApplicationScoped
public class StreamRoutes {

    static final String PRICES = "/api/v1/stream/prices";
    static final String BASKETS = "/api/v1/stream/baskets/";
    static final String LAST_EVENT_ID = "Last-Event-ID";
    /** For EventSource polyfills that cannot set the header on a reconnect. */
    static final String LAST_EVENT_ID_PARAM = "lastEventId";

    private static final Logger LOG = Logger.getLogger(StreamRoutes.class);

    private final IngestClient ingest;
    private final BasketClient baskets;
    private final LiveTopics topics;
    private final SharedChecks checks;
    private final StreamConfig config;
    private final ObjectMapper json;
    private final RateLimitGate rateLimits;

    public StreamRoutes(
            IngestClient ingest,
            BasketClient baskets,
            LiveTopics topics,
            SharedChecks checks,
            StreamConfig config,
            ObjectMapper json,
            RateLimitGate rateLimits) {
        this.ingest = ingest;
        this.baskets = baskets;
        this.topics = topics;
        this.checks = checks;
        this.config = config;
        this.json = json;
        this.rateLimits = rateLimits;
    }

    void register(@Observes Router router) {
        router.get(PRICES).handler(charged(this::prices));
        router.get(BASKETS + ":id").handler(charged(this::basket));
    }

    /** Opening a stream costs a read from the caller's bucket, like any GET, malformed or not. */
    private Handler<RoutingContext> charged(Handler<RoutingContext> route) {
        return request -> {
            Context connectionContext = request.vertx().getOrCreateContext();
            rateLimits
                    .chargeRead(request)
                    .subscribe()
                    .with(
                            ok -> connectionContext.runOnContext(ignored -> route.handle(request)),
                            failure -> refuse(request, failure));
        };
    }

    private void prices(RoutingContext request) {
        List<String> symbols;
        try {
            symbols = SymbolList.parse("symbols", request.queryParam("symbols")).stream()
                    .map(symbol -> symbol.toUpperCase(Locale.ROOT))
                    .distinct()
                    .sorted()
                    .toList();
        } catch (InvalidFieldsException e) {
            refuse(request, e);
            return;
        }
        String key = "prices:" + String.join(",", symbols);
        SubscribePricesRequest subscription =
                SubscribePricesRequest.newBuilder().addAllSymbols(symbols).build();
        start(
                request,
                key,
                () -> known(symbols),
                false,
                () -> ingest.subscribePrices(subscription).map(this::priceEvent));
    }

    private void basket(RoutingContext request) {
        // the id is checked like every {id} of the REST routes (PathParameters, which sees only RESTEasy's routes)
        Fields fields = new Fields();
        String id = fields.resourceId("id", request.pathParam("id"));
        try {
            fields.throwIfInvalid();
        } catch (InvalidFieldsException e) {
            refuse(request, e);
            return;
        }
        String key = "basket:" + id;
        Supplier<Uni<Void>> check = () -> baskets.getBasket(
                        GetBasketRequest.newBuilder().setBasketId(id).build())
                .replaceWithVoid();
        WatchBasketRequest watch =
                WatchBasketRequest.newBuilder().setBasketId(id).build();
        start(
                request,
                key,
                check,
                true,
                () -> baskets.watchBasket(watch)
                        .map(level -> new LiveEvent("level", toJson(LevelEvent.of(basketStillThere(level))))));
    }

    /**
     * A tick; the announcement of ticks ingest-service dropped because this gateway read too slowly; or a {@code reset}
     * when ticks may have been lost before ingest-service read them (how many unknown: read the state again).
     */
    private LiveEvent priceEvent(SubscribePricesResponse update) {
        if (update.hasLost()) {
            return new LiveEvent("reset", toJson(ResetEvent.ticksMayBeLost(update.getLost())));
        }
        return update.hasGap()
                ? new LiveEvent("gap", toJson(GapEvent.of(update.getGap())))
                : new LiveEvent("tick", toJson(TickEvent.of(update.getTick())));
    }

    /** A deleted basket's final message ends the topic like a NOT_FOUND: an {@code end} event, then every client closes. */
    private static WatchBasketResponse basketStillThere(WatchBasketResponse level) {
        if (level.getDeleted()) {
            throw Status.NOT_FOUND
                    .withDescription("basket " + level.getBasketId() + " was deleted")
                    .asRuntimeException();
        }
        return level;
    }

    /** Fails with a violation of {@code symbols} naming every symbol ingest-service does not know. */
    private Uni<Void> known(List<String> symbols) {
        return ingest.listInstruments(ListInstrumentsRequest.newBuilder()
                        .addAllSymbols(symbols)
                        .build())
                .map(found -> {
                    Set<String> unknown = new HashSet<>(symbols);
                    found.getInstrumentsList().stream()
                            .map(Instrument::getSymbol)
                            .forEach(unknown::remove);
                    if (!unknown.isEmpty()) {
                        throw new InvalidFieldsException(
                                "symbols",
                                "unknown symbol "
                                        + String.join(
                                                ", ", unknown.stream().sorted().toList()));
                    }
                    return null;
                });
    }

    private void start(
            RoutingContext request,
            String key,
            Supplier<Uni<Void>> check,
            boolean latestOnJoin,
            Supplier<Multi<LiveEvent>> upstream) {
        // the request's own context: the client's frames are written on its connection's event loop
        Context connectionContext = request.vertx().getOrCreateContext();
        // a question already streaming is not checked again; concurrent openers of a new one share one check
        Uni<Void> checked = topics.isOpen(key) ? Uni.createFrom().voidItem() : checks.check(key, check);
        checked.subscribe()
                .with(
                        ok -> {
                            HttpServerResponse response = request.response();
                            if (response.closed()) {
                                return;
                            }
                            response.setChunked(true)
                                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                                    .putHeader("X-Accel-Buffering", "no")
                                    .write(SseFrames.retry(config.clientRetry().toMillis()));
                            SseClient client = new SseClient(
                                    response,
                                    connectionContext,
                                    config.clientBuffer().asLongValue());
                            topics.join(key, latestOnJoin, upstream, client, lastEventId(request));
                        },
                        failure -> refuse(request, failure));
    }

    private static String lastEventId(RoutingContext request) {
        String header = request.request().getHeader(LAST_EVENT_ID);
        return header != null ? header : request.queryParams().get(LAST_EVENT_ID_PARAM);
    }

    private String toJson(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + event, e);
        }
    }

    private void refuse(RoutingContext request, Throwable failure) {
        String path = request.request().path();
        Problem problem;
        if (failure instanceof RateLimitedException limited) {
            problem = Problem.of(ProblemType.RATE_LIMITED, limited.getMessage(), path);
        } else if (failure instanceof InvalidFieldsException invalid) {
            problem = Problem.of(ProblemType.INVALID_REQUEST, invalid.getMessage(), path)
                    .withViolations(invalid.violations());
        } else if (isOpenBreaker(failure)) {
            problem = Problem.of(
                    ProblemType.UPSTREAM_UNAVAILABLE,
                    "the downstream service is failing; calls are paused for a few seconds",
                    path);
        } else if (GrpcFailures.statusCode(failure) != null) {
            problem = GrpcProblems.of(failure, path);
        } else {
            LOG.errorf(failure, "GET %s failed", path);
            problem = Problem.of(ProblemType.INTERNAL_ERROR, "the gateway failed to answer; the error is logged", path);
        }
        if (problem.getStatus() >= 500) {
            LOG.warnf("GET %s failed downstream: %s", path, failure.toString());
        }
        HttpServerResponse response = request.response();
        if (response.closed() || response.headWritten()) {
            return;
        }
        if (failure instanceof RateLimitedException limited) {
            response.putHeader("Retry-After", Long.toString(limited.retryAfterSeconds()));
        }
        try {
            response.setStatusCode(problem.getStatus())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(io.vertx.core.buffer.Buffer.buffer(json.writeValueAsBytes(problem)));
        } catch (JsonProcessingException e) {
            response.setStatusCode(problem.getStatus()).end();
        }
    }

    private static boolean isOpenBreaker(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CircuitBreakerOpenException) {
                return true;
            }
        }
        return false;
    }
}
