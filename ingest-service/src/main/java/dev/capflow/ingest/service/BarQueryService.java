package dev.capflow.ingest.service;

import dev.capflow.ingest.domain.Adjustment;
import dev.capflow.ingest.domain.BarAdjuster;
import dev.capflow.ingest.domain.BarRevision;
import dev.capflow.ingest.domain.CloseSeries;
import dev.capflow.ingest.domain.CorporateAction;
import dev.capflow.ingest.domain.DailyBar;
import dev.capflow.ingest.repository.BarRepository;
import dev.capflow.ingest.repository.CorporateActionEntity;
import dev.capflow.ingest.repository.CorporateActionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Daily bar series of many symbols in one query, raw or adjusted for splits and dividends. */
@ApplicationScoped
public class BarQueryService {

    /** The bars of one symbol, ascending by date. */
    public record BarSeries(String symbol, List<DailyBar> bars) {}

    private final InstrumentService instruments;
    private final BarRepository bars;
    private final CorporateActionRepository actions;

    public BarQueryService(InstrumentService instruments, BarRepository bars, CorporateActionRepository actions) {
        this.instruments = instruments;
        this.bars = bars;
        this.actions = actions;
    }

    /** The versions of {@code symbol}'s bars that corrections replaced, newest first. */
    public Uni<List<BarRevision>> revisions(String symbol, LocalDate from, LocalDate to) {
        return instruments.requireKnown(List.of(symbol)).chain(() -> bars.revisions(symbol, from, to));
    }

    /**
     * One series per symbol (normalized, distinct), in the given order, within the inclusive bounds
     * (null = unbounded). Fails with UnknownSymbolException when a symbol is not registered.
     */
    public Uni<List<BarSeries>> series(List<String> symbols, LocalDate from, LocalDate to, Adjustment adjustment) {
        return instruments.requireKnown(symbols).chain(() -> read(symbols, from, to, adjustment));
    }

    /**
     * The same series as {@link #series} as a stream: every symbol is checked first, then PostgreSQL is read
     * {@code symbolsPerRead} symbols at a time, each read only once the previous one's series have been consumed, so
     * that what is held at once is bounded by {@code symbolsPerRead}, whatever the number of symbols.
     */
    public Multi<BarSeries> stream(
            List<String> symbols, LocalDate from, LocalDate to, Adjustment adjustment, int symbolsPerRead) {
        return inRounds(symbols, symbolsPerRead, round -> read(round, from, to, adjustment));
    }

    /**
     * The closes (dates and closes, no other field, no object per bar) of the same series as {@link #stream}, in the
     * given order: every symbol is checked first, then {@code readsAtOnce} reads of {@code symbolsPerRead} symbols run
     * concurrently, each round read ahead: it starts as soon as the previous round's reads have answered, while that
     * round's series are still being consumed, so that PostgreSQL reads while the stream sends. What is held at once is
     * bounded by two rounds, {@code 2 * symbolsPerRead * readsAtOnce} series, whatever the number of symbols.
     */
    public Multi<CloseSeries> streamCloses(
            List<String> symbols,
            LocalDate from,
            LocalDate to,
            Adjustment adjustment,
            int symbolsPerRead,
            int readsAtOnce) {
        return instruments
                .requireKnown(symbols)
                .onItem()
                .transformToMulti(known -> ReadAhead.inOrder(
                        groups(symbols, symbolsPerRead * readsAtOnce),
                        round -> readCloses(round, from, to, adjustment, symbolsPerRead)))
                .onItem()
                .transformToIterable(series -> series);
    }

    /** {@code read} of {@code symbols} (once all are known) {@code perRound} at a time, one round after the other. */
    private <T> Multi<T> inRounds(List<String> symbols, int perRound, Function<List<String>, Uni<List<T>>> read) {
        return instruments
                .requireKnown(symbols)
                .onItem()
                .transformToMulti(known -> Multi.createFrom().iterable(groups(symbols, perRound)))
                .onItem()
                .transformToUniAndConcatenate(round -> read.apply(round))
                .onItem()
                .transformToIterable(series -> series);
    }

    private static List<List<String>> groups(List<String> symbols, int size) {
        List<List<String>> groups = new ArrayList<>();
        for (int start = 0; start < symbols.size(); start += size) {
            groups.add(symbols.subList(start, Math.min(symbols.size(), start + size)));
        }
        return groups;
    }

    /**
     * The corporate actions of {@code round} (a session of their own) and, at the same time, its closes in reads of
     * {@code symbolsPerRead} symbols at once, each on the pool without a session (none is shared between concurrent
     * reads, and none holds a connection while it waits for another).
     */
    private Uni<List<CloseSeries>> readCloses(
            List<String> round, LocalDate from, LocalDate to, Adjustment adjustment, int symbolsPerRead) {
        // as in read: total return reads on to the newest bar for the dividends after `to`, and trims afterwards
        LocalDate readTo = adjustment == Adjustment.TOTAL_RETURN ? null : to;
        Uni<List<List<CloseSeries>>> reads = Uni.join()
                .all(groups(round, symbolsPerRead).stream()
                        .map(group -> bars.closes(group, from, readTo))
                        .toList())
                .andFailFast();
        return Uni.combine()
                .all()
                .unis(Panache.withSession(() -> loadActions(round, adjustment)), reads)
                .with((actions, closes) -> adjustCloses(round, closes, actions, adjustment, to));
    }

    /** The series of {@code round}'s symbols in its order (empty for one without bars), adjusted and cut at {@code to}. */
    private static List<CloseSeries> adjustCloses(
            List<String> round,
            List<List<CloseSeries>> reads,
            List<CorporateAction> actions,
            Adjustment adjustment,
            LocalDate to) {
        Map<String, CloseSeries> found = new HashMap<>();
        reads.forEach(read -> read.forEach(series -> found.put(series.symbol(), series)));
        Map<String, List<CorporateAction>> actionsBySymbol = group(round);
        actions.forEach(action -> actionsBySymbol.get(action.symbol()).add(action));
        List<CloseSeries> series = new ArrayList<>(round.size());
        for (String symbol : round) {
            CloseSeries raw = found.getOrDefault(symbol, CloseSeries.empty(symbol));
            CloseSeries adjusted = BarAdjuster.adjust(raw, actionsBySymbol.get(symbol), adjustment);
            series.add(to == null ? adjusted : adjusted.upTo(to));
        }
        return series;
    }

    /**
     * The bars (the pool's own query) and then the corporate actions (a session of their own): one connection at a
     * time, since a session holds its connection from its start, and a read holding one while it waits for another
     * would deadlock a full pool.
     */
    private Uni<List<BarSeries>> read(List<String> symbols, LocalDate from, LocalDate to, Adjustment adjustment) {
        // a dividend after `to` still scales the window, and its factor needs the close before its
        // ex-date: total return reads on to the newest bar and trims afterwards
        LocalDate readTo = adjustment == Adjustment.TOTAL_RETURN ? null : to;
        return bars.find(symbols, from, readTo)
                .chain(found -> Panache.withSession(() -> loadActions(symbols, adjustment))
                        .map(byAction -> assemble(symbols, found, byAction, adjustment, to)));
    }

    private Uni<List<CorporateAction>> loadActions(List<String> symbols, Adjustment adjustment) {
        if (adjustment == Adjustment.NONE) {
            return Uni.createFrom().item(List.of());
        }
        return actions.forSymbols(symbols)
                .map(entities ->
                        entities.stream().map(CorporateActionEntity::toDomain).toList());
    }

    private static List<BarSeries> assemble(
            List<String> symbols,
            List<DailyBar> found,
            List<CorporateAction> allActions,
            Adjustment adjustment,
            LocalDate to) {
        Map<String, List<DailyBar>> barsBySymbol = group(symbols);
        found.forEach(bar -> barsBySymbol.get(bar.symbol()).add(bar));
        Map<String, List<CorporateAction>> actionsBySymbol = group(symbols);
        allActions.forEach(action -> actionsBySymbol.get(action.symbol()).add(action));
        List<BarSeries> series = new ArrayList<>(symbols.size());
        for (String symbol : symbols) {
            List<DailyBar> adjusted =
                    BarAdjuster.adjust(barsBySymbol.get(symbol), actionsBySymbol.get(symbol), adjustment);
            List<DailyBar> window = to == null
                    ? adjusted
                    : adjusted.stream().filter(bar -> !bar.date().isAfter(to)).toList();
            series.add(new BarSeries(symbol, window));
        }
        return series;
    }

    private static <T> Map<String, List<T>> group(List<String> symbols) {
        Map<String, List<T>> groups = new LinkedHashMap<>();
        symbols.forEach(symbol -> groups.put(symbol, new ArrayList<>()));
        return groups;
    }
}
