package dev.capflow.basket.cache;

import com.google.protobuf.Message;
import dev.capflow.basket.config.BasketConfig;
import dev.capflow.basket.domain.Basket;
import dev.capflow.basket.domain.ReturnType;
import dev.capflow.basket.domain.Window;
import dev.capflow.basket.grpc.ProtoMapper;
import dev.capflow.basket.service.BasketAnalytics;
import dev.capflow.basket.service.BasketStore;
import dev.capflow.proto.basket.v1.CompareResponse;
import dev.capflow.proto.basket.v1.GetPerformanceResponse;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Performance and comparison answers, cached in Redis under the question and tagged with the answer generation of
 * each basket involved (see {@link AnswerGenerations}). A hit is one Redis round trip and reads no basket from
 * PostgreSQL: an edited basket, or changed history of a symbol it was computed from, has moved the generation.
 */
@ApplicationScoped
public class CachedAnswers {

    private final BasketStore store;
    private final BasketAnalytics analytics;
    private final ProtoCache cache;
    private final AnswerGenerations generations;
    private final String keyPrefix;

    public CachedAnswers(
            BasketStore store,
            BasketAnalytics analytics,
            ProtoCache cache,
            AnswerGenerations generations,
            BasketConfig config) {
        this.store = store;
        this.analytics = analytics;
        this.cache = cache;
        this.generations = generations;
        this.keyPrefix = config.redis().keyPrefix();
    }

    public Uni<GetPerformanceResponse> performance(
            String id, Window window, String benchmark, ReturnType type, double riskFreeRate) {
        String key = CacheKeys.key(
                keyPrefix,
                // "-4": an answer cached before its currency ("-3" before Contribution.end_weight, "-2" before
                // Metrics.undefined held NaN) is never read again
                "performance-4",
                List.of(
                        id,
                        String.valueOf(window.from()),
                        String.valueOf(window.to()),
                        type.name(),
                        String.valueOf(benchmark),
                        Double.toString(riskFreeRate)));
        return cache.lookup(key, List.of(generations.key(id)), GetPerformanceResponse.parser())
                .chain(found -> {
                    if (found.hit() != null) {
                        return Uni.createFrom().item(found.hit());
                    }
                    return generationsFor(found, List.of(id))
                            .chain(current -> definition(id)
                                    .chain(basket -> analytics
                                            .performance(basket, window, benchmark, type, riskFreeRate, first(current))
                                            .map(performance -> ProtoMapper.toProto(basket, performance, type)))
                                    .invoke(answer -> cacheTagged(key, current, answer)));
                });
    }

    /** The two definitions are read one after the other: never two concurrent database sessions. */
    public Uni<CompareResponse> compare(String a, String b, Window window, ReturnType type) {
        String key = CacheKeys.key(
                keyPrefix,
                // "-2": an answer cached before the two currencies is never read again
                "compare-2",
                List.of(a, b, String.valueOf(window.from()), String.valueOf(window.to()), type.name()));
        return cache.lookup(key, List.of(generations.key(a), generations.key(b)), CompareResponse.parser())
                .chain(found -> {
                    if (found.hit() != null) {
                        return Uni.createFrom().item(found.hit());
                    }
                    return generationsFor(found, List.of(a, b))
                            .chain(current -> definition(a)
                                    .chain(basketA -> definition(b)
                                            .chain(basketB -> analytics
                                                    .compare(
                                                            basketA,
                                                            basketB,
                                                            window,
                                                            type,
                                                            first(current),
                                                            second(current))
                                                    .map(comparison ->
                                                            ProtoMapper.toProto(basketA, basketB, comparison, type))))
                                    .invoke(answer -> cacheTagged(key, current, answer)));
                });
    }

    /**
     * The generations an answer computed now is tagged with: those the lookup read, the missing ones created first;
     * null when Redis does not answer (then nothing is cached).
     */
    private Uni<List<String>> generationsFor(ProtoCache.Lookup<?> found, List<String> basketIds) {
        if (found.generations() == null) {
            return Uni.createFrom().nullItem();
        }
        if (found.tag() != null) {
            return Uni.createFrom().item(found.generations());
        }
        return generations.current(basketIds).onFailure().recoverWithNull();
    }

    private Uni<Basket> definition(String id) {
        return generations.forgetIfUnknown(id, store.get(id));
    }

    private void cacheTagged(String key, List<String> current, Message answer) {
        if (current != null) {
            cache.put(key, String.join(",", current), answer);
        }
    }

    private static String first(List<String> current) {
        return current == null ? null : current.get(0);
    }

    private static String second(List<String> current) {
        return current == null ? null : current.get(1);
    }
}
