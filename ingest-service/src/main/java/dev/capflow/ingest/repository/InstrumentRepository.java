package dev.capflow.ingest.repository;

import dev.capflow.ingest.domain.InstrumentKind;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The instrument registry (Hibernate Reactive Panache); callers open the session. */
@ApplicationScoped
public class InstrumentRepository implements PanacheRepositoryBase<InstrumentEntity, String> {

    /** Which of {@code symbols} are registered, in one query. */
    public Uni<Set<String>> knownSymbols(Collection<String> symbols) {
        if (symbols.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select i.symbol from InstrumentEntity i where i.symbol in :symbols", String.class)
                        .setParameter("symbols", symbols)
                        .getResultList())
                .map(found -> found.stream().collect(Collectors.toUnmodifiableSet()));
    }

    /** Instruments ordered by symbol, optionally only {@code symbols} and only {@code kind}. */
    public Uni<List<InstrumentEntity>> search(Collection<String> symbols, InstrumentKind kind) {
        Sort bySymbol = Sort.by("symbol");
        if (symbols.isEmpty() && kind == null) {
            return listAll(bySymbol);
        }
        if (symbols.isEmpty()) {
            return list("kind = :kind", bySymbol, Parameters.with("kind", kind));
        }
        if (kind == null) {
            return list("symbol in :symbols", bySymbol, Parameters.with("symbols", symbols));
        }
        return list(
                "symbol in :symbols and kind = :kind",
                bySymbol,
                Parameters.with("symbols", symbols).and("kind", kind));
    }
}
