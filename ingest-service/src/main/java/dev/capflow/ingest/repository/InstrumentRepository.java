package dev.capflow.ingest.repository;

import dev.capflow.ingest.domain.InstrumentKind;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The instrument registry (Hibernate Reactive Panache; callers open the session), and the lookup of registered symbols
 * on the primary pool.
 */
@ApplicationScoped
public class InstrumentRepository implements PanacheRepositoryBase<InstrumentEntity, String> {

    private static final String KNOWN = "SELECT symbol FROM ingest.instrument WHERE symbol = ANY($1)";

    private final Pool pool;

    public InstrumentRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Which of {@code symbols} are registered, in one query on a pooled connection of its own, never in a session: the
     * bar chunks and tick batches of one stream ask at the same time, and one Hibernate Reactive session used by
     * concurrent calls fails them (INTERNAL after each restart, until every symbol was remembered).
     */
    public Uni<Set<String>> knownSymbols(Collection<String> symbols) {
        if (symbols.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return pool.preparedQuery(KNOWN)
                .execute(Tuple.of(symbols.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> found = new HashSet<>();
                    rows.forEach(row -> found.add(row.getString(0)));
                    return Set.copyOf(found);
                });
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
