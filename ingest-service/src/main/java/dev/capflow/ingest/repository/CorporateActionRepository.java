package dev.capflow.ingest.repository;

import dev.capflow.ingest.domain.CorporateActionKind;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** Splits and dividends (Hibernate Reactive Panache); callers open the session. */
@ApplicationScoped
public class CorporateActionRepository implements PanacheRepositoryBase<CorporateActionEntity, Long> {

    /** The action recorded for this symbol, ex-date and kind, or null. */
    public Uni<CorporateActionEntity> findOne(String symbol, LocalDate exDate, CorporateActionKind kind) {
        return find(
                        "symbol = :symbol and exDate = :exDate and kind = :kind",
                        Parameters.with("symbol", symbol).and("exDate", exDate).and("kind", kind))
                .firstResult();
    }

    /**
     * Holds {@code symbol}'s dividend lock exclusively until the session's transaction ends: bar writes of the symbol
     * wait until the dividend is recorded, and what the dividend's check reads of its bars stays as it is.
     */
    public Uni<Void> holdDividendLock(String symbol) {
        return getSession()
                .chain(session -> session.createNativeQuery(DividendLocks.EXCLUSIVE, Long.class)
                        .setParameter("symbol", symbol)
                        .getSingleResult())
                .replaceWithVoid();
    }

    /** The actions of {@code symbols}, by symbol then oldest ex-date first, in one query. */
    public Uni<List<CorporateActionEntity>> forSymbols(Collection<String> symbols) {
        return list(
                "symbol in :symbols", Sort.by("symbol").and("exDate").and("kind"), Parameters.with("symbols", symbols));
    }
}
