package dev.capflow.basket.service;

import dev.capflow.basket.cache.AnswerGenerations;
import dev.capflow.basket.client.IngestClient;
import dev.capflow.basket.client.IngestRefusal;
import dev.capflow.basket.domain.Basket;
import dev.capflow.basket.live.BasketChanges;
import dev.capflow.validation.FieldViolation;
import dev.capflow.validation.InvalidRequestException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Basket definitions: validated baskets whose every member is a registered instrument, stored by {@link BasketStore}. */
@ApplicationScoped
public class BasketCatalog {

    private final BasketStore store;
    private final IngestClient ingest;
    private final AnswerGenerations generations;
    private final BasketChanges changes;

    public BasketCatalog(BasketStore store, IngestClient ingest, AnswerGenerations generations, BasketChanges changes) {
        this.store = store;
        this.ingest = ingest;
        this.generations = generations;
        this.changes = changes;
    }

    /**
     * Creates a validated basket, assigning a random id when it has none; once committed, its answer generation is
     * there, so that its first answer is cached under it.
     */
    public Uni<Basket> create(Basket basket) {
        Basket identified = basket.id().isEmpty()
                ? basket.withIdentity(UUID.randomUUID().toString(), 0)
                : basket.withIdentity(basket.id(), 0);
        return requireKnownSymbols(identified)
                .chain(() -> store.insert(identified))
                .call(created -> generations.defined(created.id()));
    }

    public Uni<Basket> get(String id) {
        return store.get(id);
    }

    public Uni<List<Basket>> list() {
        return store.list();
    }

    /**
     * Replaces a validated basket's definition, if it is still at the version the caller read; once committed, its
     * answer generation moves so that no cache serves an answer about the old definition, and live watchers are told.
     */
    public Uni<Basket> update(Basket basket) {
        return requireKnownSymbols(basket)
                .chain(() -> store.update(basket))
                .call(updated -> generations.defined(updated.id()))
                .call(updated -> changes.announce(updated.id()));
    }

    /** Deletes a basket; once committed, its answer generation goes and live watchers are told. */
    public Uni<Void> delete(String id, Long version) {
        return store.delete(id, version).call(() -> generations.deleted(id)).call(() -> changes.announce(id));
    }

    /** Fails naming {@code basket.members[i].symbol} for every member the instrument registry does not know. */
    private Uni<Void> requireKnownSymbols(Basket basket) {
        return ingest.instruments(basket.symbols())
                .invoke(known -> {
                    List<FieldViolation> unknown = new ArrayList<>();
                    for (int i = 0; i < basket.members().size(); i++) {
                        String symbol = basket.members().get(i).symbol();
                        if (!known.containsKey(symbol)) {
                            unknown.add(new FieldViolation(
                                    "basket.members[" + i + "].symbol",
                                    "unknown symbol " + symbol + ": not in the ingest-service instrument registry"));
                        }
                    }
                    if (!unknown.isEmpty()) {
                        throw new InvalidRequestException(unknown);
                    }
                })
                .onFailure()
                .transform(IngestRefusal.naming("basket.members", Map.of()))
                .replaceWithVoid();
    }
}
