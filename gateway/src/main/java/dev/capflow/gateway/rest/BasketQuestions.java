package dev.capflow.gateway.rest;

import dev.capflow.gateway.cache.AnswerCache;
import dev.capflow.gateway.client.BasketClient;
import dev.capflow.gateway.rest.mapping.BasketMapping;
import dev.capflow.proto.basket.v1.CompareRequest;
import dev.capflow.proto.basket.v1.GetPerformanceRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Supplier;

/**
 * The cached basket answers' questions, asked the same way by the REST routes and by {@link BasketAnswerRoute}: the
 * key in the answer cache, the baskets whose generations the answer depends on, and the call to basket-service whose
 * answer is mapped to the route's JSON view.
 */
@ApplicationScoped
public class BasketQuestions {

    /**
     * The kinds of the cached basket answers, part of their keys; a kind changes with its answer's shape, so that no
     * answer cached before is served ("performance-3" and "compare-2": since the answers' currencies;
     * "performance-2": since contributions' endWeight).
     */
    static final String PERFORMANCE = "performance-3";

    static final String COMPARE = "compare-2";

    /** One question: its key, the baskets it is about, and {@code view}, which asks basket-service. */
    public record Question(String key, List<String> basketIds, Supplier<Uni<?>> view) {}

    private final BasketClient baskets;

    public BasketQuestions(BasketClient baskets) {
        this.baskets = baskets;
    }

    public Question performance(GetPerformanceRequest request) {
        return new Question(
                AnswerCache.question(PERFORMANCE, request.toByteArray()),
                List.of(request.getBasketId()),
                () -> baskets.getPerformance(request).map(BasketMapping::toView));
    }

    public Question compare(CompareRequest request) {
        return new Question(
                AnswerCache.question(COMPARE, request.toByteArray()),
                List.of(request.getBasketIdA(), request.getBasketIdB()),
                () -> baskets.compare(request).map(BasketMapping::toView));
    }
}
