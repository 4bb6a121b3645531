package dev.capflow.basket.service;

import dev.capflow.basket.client.IngestRefusal;
import dev.capflow.basket.domain.Basket;
import dev.capflow.basket.domain.ReturnType;
import dev.capflow.basket.domain.Window;
import dev.capflow.basket.engine.BasketEngine;
import dev.capflow.basket.engine.Comparison;
import dev.capflow.basket.engine.Performance;
import dev.capflow.basket.engine.PerformanceQuery;
import dev.capflow.basket.market.MarketHistory;
import dev.capflow.validation.InvalidRequestException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Map;

/** Performance and comparison of stored baskets: history from ingest-service, numbers from {@link BasketEngine}. */
@ApplicationScoped
public class BasketAnalytics {

    private final HistoryLoader history;
    private final BasketEngine engine = new BasketEngine();

    public BasketAnalytics(HistoryLoader history) {
        this.history = history;
    }

    /**
     * The performance of {@code basket} over {@code window}, with beta and correlation against {@code benchmark} (may be
     * null); {@code generation} is the basket's answer generation (null: Redis unavailable, cache nothing).
     */
    public Uni<Performance> performance(
            Basket basket, Window window, String benchmark, ReturnType type, double riskFreeRate, String generation) {
        requireEndOnOrAfterBase(window, basket);
        return load(basket, "basket_id", benchmark, window.to(), type, generation)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(market -> {
                    PerformanceQuery query =
                            new PerformanceQuery(window.from(), window.to(), market.benchmarkSeries(), riskFreeRate);
                    return engine.performance(engine.levels(basket.toDefinition(), market.data()), query);
                });
    }

    /**
     * Baskets {@code a} and {@code b} side by side over {@code window}; both histories are fetched at once, one batch
     * call each ({@code generationA}, {@code generationB}: their answer generations, as for a performance).
     */
    public Uni<Comparison> compare(
            Basket a, Basket b, Window window, ReturnType type, String generationA, String generationB) {
        requireEndOnOrAfterBase(window, a);
        requireEndOnOrAfterBase(window, b);
        return Uni.combine()
                .all()
                .unis(
                        load(a, "basket_id_a", null, window.to(), type, generationA),
                        load(b, "basket_id_b", null, window.to(), type, generationB))
                .asTuple()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(both -> engine.compare(
                        engine.levels(a.toDefinition(), both.getItem1().data()),
                        engine.levels(b.toDefinition(), both.getItem2().data()),
                        window.from(),
                        window.to()));
    }

    /**
     * The history of {@code basket}, named by the caller's {@code basketField}: ingest-service refusing the read (too
     * many symbols, a window too long) is the caller's error about that basket, or about {@code to} for the window.
     */
    private Uni<MarketHistory> load(
            Basket basket, String basketField, String benchmark, LocalDate to, ReturnType type, String generation) {
        return history.load(basket, benchmark, to, type, generation)
                .onFailure()
                .transform(IngestRefusal.naming(basketField, Map.of("from", "to", "to", "to")));
    }

    /**
     * A window ending before the base date has no level to answer: refused naming {@code to} here, rather than passed to
     * ingest-service as a history read that ends before it starts (which the caller would see as the platform's fault).
     */
    private static void requireEndOnOrAfterBase(Window window, Basket basket) {
        if (window.to() != null && window.to().isBefore(basket.baseDate())) {
            throw new InvalidRequestException(
                    "to",
                    "to " + window.to() + " is before the base date " + basket.baseDate() + " of basket " + basket.id()
                            + ": there is no level before it");
        }
    }
}
