package dev.capflow.ingest.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.capflow.ingest.domain.Tick;
import dev.capflow.ingest.domain.TickPage;
import dev.capflow.ingest.repository.TickRepository;
import io.smallrye.mutiny.Uni;

/** Reads of the stored tick history, a page at a time. */
@ApplicationScoped
public class TickQueryService {

    private final InstrumentService instruments;
    private final TickRepository ticks;

    public TickQueryService(InstrumentService instruments, TickRepository ticks) {
        this.instruments = instruments;
        this.ticks = ticks;
    }

    /**
     * One page of {@code symbol}'s ticks in the inclusive range, after {@code after} (null: the first page); fails
     * with UnknownSymbolException when the symbol is not registered.
     */
    public Uni<TickPage> page(String symbol, Instant from, Instant to, Tick.Position after, int pageSize) {
        return instruments.requireKnown(List.of(symbol)).chain(() -> ticks.page(symbol, from, to, after, pageSize));
    }
}
