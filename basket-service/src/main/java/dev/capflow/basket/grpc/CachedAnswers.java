package dev.capflow.basket.grpc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.capflow.basket.cache.ProtoCache;
import dev.capflow.basket.domain.Basket;
import dev.capflow.basket.domain.ReturnType;
import dev.capflow.basket.domain.Window;
import dev.capflow.basket.service.BasketAnalytics;
import dev.capflow.basket.service.BasketStore;
import dev.capflow.proto.basket.v1.CompareResponse;
import dev.capflow.proto.basket.v1.GetPerformanceResponse;
import io.smallrye.mutiny.Uni;

/**
 * Performance and comparison answers, cached in Redis under the question, the basket versions and the data watermark
 * of every symbol involved: an edited basket or a new price for one of its members changes the key.
 */
@ApplicationScoped
public class CachedAnswers {

    private final BasketStore store;
    private final BasketAnalytics analytics;
    private final ProtoCache cache;

    public CachedAnswers(BasketStore store, BasketAnalytics analytics, ProtoCache cache) {
        this.store = store;
        this.analytics = analytics;
        this.cache = cache;
    }

    Uni<GetPerformanceResponse> performance(String id, Window window, String benchmark, ReturnType type, double riskFreeRate) {
        return store.get(id).chain(basket -> {
            Set<String> symbols = new LinkedHashSet<>(basket.symbols());
            if (benchmark != null) {
                symbols.add(benchmark);
            }
            List<String> question = question(window, type, basket);
            question.add(String.valueOf(benchmark));
            question.add(Double.toString(riskFreeRate));
            return cache.getOrCompute("performance", question, symbols, GetPerformanceResponse.parser(),
                    () -> analytics.performance(basket, window, benchmark, type, riskFreeRate)
                            .map(performance -> ProtoMapper.toProto(basket, performance, type)));
        });
    }

    /** The two definitions are read one after the other: never two concurrent database sessions. */
    Uni<CompareResponse> compare(String a, String b, Window window, ReturnType type) {
        return store.get(a).chain(basketA -> store.get(b).chain(basketB -> {
            Set<String> symbols = new LinkedHashSet<>(basketA.symbols());
            symbols.addAll(basketB.symbols());
            List<String> question = question(window, type, basketA, basketB);
            return cache.getOrCompute("compare", question, symbols, CompareResponse.parser(),
                    () -> analytics.compare(basketA, basketB, window, type)
                            .map(comparison -> ProtoMapper.toProto(a, b, comparison, type)));
        }));
    }

    private static List<String> question(Window window, ReturnType type, Basket... baskets) {
        List<String> parts = new ArrayList<>();
        parts.add(String.valueOf(window.from()));
        parts.add(String.valueOf(window.to()));
        parts.add(type.name());
        for (Basket basket : baskets) {
            parts.add(basket.id());
            parts.add(Long.toString(basket.version()));
        }
        return parts;
    }
}
