package dev.capflow.ingest.service;

import dev.capflow.errors.StaleVersionException;
import dev.capflow.ingest.domain.Instrument;
import dev.capflow.ingest.domain.InstrumentKind;
import dev.capflow.ingest.domain.UnknownSymbolException;
import dev.capflow.ingest.repository.HistoryChangeOutbox;
import dev.capflow.ingest.repository.InstrumentEntity;
import dev.capflow.ingest.repository.InstrumentRepository;
import dev.capflow.redis.PriceStreamEntries;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The instrument registry: upserts with optimistic locking, listing and symbol look-ups. Symbols
 * known to exist are remembered (instruments are never deleted), so the tick hot path does not
 * query the registry for every batch; an unknown symbol is always looked up again.
 */
@ApplicationScoped
public class InstrumentService {

    /**
     * The stored instrument, whether this call created it, and whether it changed a registered instrument's currency
     * (a change entry then commits with it, and the answers of the baskets holding it are stale once it commits).
     */
    public record Upserted(Instrument instrument, boolean created, boolean currencyChanged) {}

    private final InstrumentRepository instruments;
    private final HistoryChangeOutbox outbox;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    public InstrumentService(InstrumentRepository instruments, HistoryChangeOutbox outbox) {
        this.instruments = instruments;
        this.outbox = outbox;
    }

    /**
     * Creates or replaces a validated instrument. {@code expected} is the version the caller last read: the write
     * only happens if the instrument is stored at exactly that version, else {@link StaleVersionException}; null
     * writes unconditionally.
     */
    @WithTransaction
    public Uni<Upserted> upsert(Instrument instrument, Long expected) {
        return instruments.findById(instrument.symbol()).chain(existing -> {
            if (existing == null) {
                if (expected != null) {
                    return Uni.createFrom()
                            .failure(new StaleVersionException(
                                    UnknownSymbolException.INSTRUMENT, instrument.symbol(), null, expected));
                }
                InstrumentEntity created = new InstrumentEntity();
                created.symbol = instrument.symbol();
                created.apply(instrument);
                return instruments
                        .persistAndFlush(created)
                        .map(entity -> new Upserted(entity.toDomain(), true, false))
                        .invoke(upserted -> registered.add(upserted.instrument().symbol()));
            }
            if (expected != null && existing.version != expected) {
                return Uni.createFrom()
                        .failure(new StaleVersionException(
                                UnknownSymbolException.INSTRUMENT, instrument.symbol(), existing.version, expected));
            }
            boolean currencyChanged = !existing.currency.equals(instrument.currency());
            existing.apply(instrument);
            return instruments
                    .flush()
                    .call(() -> currencyChanged
                            ? outbox.recordInSession(PriceStreamEntries.INSTRUMENT_CURRENCY, existing.symbol)
                            : Uni.createFrom().voidItem())
                    .map(flushed -> new Upserted(existing.toDomain(), false, currencyChanged));
        });
    }

    /** Instruments by symbol, optionally only {@code symbols} (normalized) and only {@code kind} (null = any). */
    @WithSession
    public Uni<List<Instrument>> list(Collection<String> symbols, InstrumentKind kind) {
        return instruments
                .search(symbols, kind)
                .map(entities ->
                        entities.stream().map(InstrumentEntity::toDomain).toList());
    }

    /** Which of the normalized {@code symbols} are registered: remembered ones at once, the others in one query. */
    public Uni<Set<String>> knownSymbols(Collection<String> symbols) {
        List<String> unsure =
                symbols.stream().filter(symbol -> !registered.contains(symbol)).toList();
        if (unsure.isEmpty()) {
            return Uni.createFrom().item(Set.copyOf(symbols));
        }
        return instruments.knownSymbols(unsure).map(found -> {
            registered.addAll(found);
            return symbols.stream().filter(registered::contains).collect(Collectors.toUnmodifiableSet());
        });
    }

    /** Fails with {@link UnknownSymbolException} naming every symbol not registered. */
    public Uni<Void> requireKnown(Collection<String> symbols) {
        return knownSymbols(symbols).chain(known -> {
            List<String> unknown =
                    symbols.stream().filter(symbol -> !known.contains(symbol)).toList();
            return unknown.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(new UnknownSymbolException(unknown));
        });
    }
}
