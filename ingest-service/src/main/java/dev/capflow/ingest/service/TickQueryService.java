package dev.capflow.ingest.service;

import dev.capflow.ingest.domain.MinuteBarPage;
import dev.capflow.ingest.domain.Tick;
import dev.capflow.ingest.domain.TickPage;
import dev.capflow.ingest.repository.MinuteBarRepository;
import dev.capflow.ingest.repository.TickRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Reads of the stored tick history and of its minute bars, a page at a time. */
@ApplicationScoped
public class TickQueryService {

    private final InstrumentService instruments;
    private final TickRepository ticks;
    private final MinuteBarRepository minuteBars;

    public TickQueryService(InstrumentService instruments, TickRepository ticks, MinuteBarRepository minuteBars) {
        this.instruments = instruments;
        this.ticks = ticks;
        this.minuteBars = minuteBars;
    }

    /**
     * One page of {@code symbol}'s ticks in the inclusive range, after {@code after} (null: the first page); fails
     * with UnknownSymbolException when the symbol is not registered.
     */
    public Uni<TickPage> page(String symbol, Instant from, Instant to, Tick.Position after, int pageSize) {
        return instruments.requireKnown(List.of(symbol)).chain(() -> ticks.page(symbol, from, to, after, pageSize));
    }

    /**
     * One page of {@code symbol}'s minute bars whose minute is in the inclusive range, after minute {@code after}
     * (null: the first page); fails with UnknownSymbolException when the symbol is not registered.
     */
    public Uni<MinuteBarPage> minuteBars(String symbol, Instant from, Instant to, Instant after, int pageSize) {
        return instruments
                .requireKnown(List.of(symbol))
                .chain(() -> minuteBars.page(symbol, from, to, after, pageSize));
    }
}
