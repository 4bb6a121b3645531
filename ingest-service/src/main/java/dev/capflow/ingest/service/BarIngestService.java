package dev.capflow.ingest.service;

import dev.capflow.ingest.domain.BarInput;
import dev.capflow.ingest.domain.BarWriteMode;
import dev.capflow.ingest.domain.DailyBar;
import dev.capflow.ingest.domain.DividendPriorCloses;
import dev.capflow.ingest.domain.IngestResult;
import dev.capflow.ingest.domain.InsertConflict;
import dev.capflow.ingest.domain.PriceValidator;
import dev.capflow.ingest.domain.Rejection;
import dev.capflow.ingest.domain.Symbols;
import dev.capflow.ingest.domain.Validated;
import dev.capflow.ingest.metrics.IngestMetrics;
import dev.capflow.ingest.pricestream.ChangeRelay;
import dev.capflow.ingest.pricestream.PricePublisher;
import dev.capflow.ingest.repository.BarRepository;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Validates, stores exactly once, then publishes daily bars; shared by IngestBars, ImportCsv and Stooq. */
@ApplicationScoped
public class BarIngestService {

    private static final Comparator<DailyBar> KEY_ORDER =
            Comparator.comparing(DailyBar::symbol).thenComparing(DailyBar::date);

    /** Rejections by request index, or by CSV row (whose index is -1). */
    private static final Comparator<Rejection> LOCATION_ORDER =
            Comparator.comparingInt(Rejection::index).thenComparingInt(Rejection::row);

    private final InstrumentService instruments;
    private final BarRepository bars;
    private final PriceValidator validator;
    private final PricePublisher publisher;
    private final ChangeRelay relay;
    private final IngestMetrics metrics;

    public BarIngestService(
            InstrumentService instruments,
            BarRepository bars,
            PriceValidator validator,
            PricePublisher publisher,
            ChangeRelay relay,
            IngestMetrics metrics) {
        this.instruments = instruments;
        this.bars = bars;
        this.validator = validator;
        this.publisher = publisher;
        this.relay = relay;
        this.metrics = metrics;
    }

    /**
     * Ingests one request's bars: rejections are located by index, valid bars stored even when others fail. Checking
     * tens of thousands of bars takes milliseconds, so it runs off the event loop.
     */
    public Uni<IngestResult> ingest(List<BarInput> inputs, BarWriteMode mode) {
        return instruments
                .knownSymbols(
                        Symbols.lookupable(inputs.stream().map(BarInput::symbol).toList()))
                .chain(known -> VertxContextSupport.executeBlocking(() -> validatedInKeyOrder(inputs, known, mode)))
                .chain(validated -> store(
                        validated.bars(),
                        validated.rejected(),
                        0,
                        mode,
                        (position, field, reason) -> Rejection.atIndex(validated.indices()[position], field, reason)));
    }

    /** Where a valid bar came from, to reject it there: its index in a request, or its CSV row. */
    @FunctionalInterface
    public interface BarOrigins {
        Rejection reject(int position, String field, String reason);
    }

    /** Valid bars in key order, each with its index in the request. */
    private record KeyOrdered(List<DailyBar> bars, int[] indices, List<Rejection> rejected) {}

    /**
     * The valid bars sorted by symbol and date: concurrent writes of overlapping bars (a chunk resent while the first
     * try is still running) then take their row locks in one order and cannot deadlock.
     */
    private KeyOrdered validatedInKeyOrder(List<BarInput> inputs, Set<String> known, BarWriteMode mode) {
        Validated<DailyBar> validated = validator.validateBars(inputs, known, mode == BarWriteMode.REPLACE);
        int[] inputIndices = validated.validIndices(inputs.size());
        List<DailyBar> valid = validated.valid();
        // a stable sort: of two bars with one key, the earlier stays first (the one an INSERT writes)
        int[] order = IntStream.range(0, valid.size())
                .boxed()
                .sorted(Comparator.comparing(valid::get, KEY_ORDER))
                .mapToInt(Integer::intValue)
                .toArray();
        return new KeyOrdered(
                Arrays.stream(order).mapToObj(valid::get).toList(),
                Arrays.stream(order).map(p -> inputIndices[p]).toArray(),
                validated.rejected());
    }

    /**
     * Stores validated bars (committed before the result is emitted, with the change entry it records) and publishes
     * them. A bar that would leave a recorded dividend at or above its prior close is rejected where {@code origins}
     * locates it, and the others are stored; the dividends are read in the write's transaction, which a dividend being
     * recorded for one of the symbols waits for (and the other way round).
     */
    public Uni<IngestResult> store(
            List<DailyBar> valid, List<Rejection> rejected, int skipped, BarWriteMode mode, BarOrigins origins) {
        if (valid.isEmpty()) {
            return Uni.createFrom()
                    .item(result(
                            new Checked(valid, new int[0], rejected), BarRepository.Written.NOTHING, skipped, origins));
        }
        Set<String> symbols = valid.stream().map(DailyBar::symbol).collect(Collectors.toSet());
        return bars.inBarWrite(
                        symbols,
                        write -> write.recordedDividends(symbols)
                                .map(dividends -> withoutRefused(valid, rejected, dividends, mode, origins))
                                .chain(checked ->
                                        write.write(checked.kept(), mode).map(written -> new Stored(checked, written))))
                // the write recorded its change entry: the answers computed from the old history go stale now
                .call(stored -> relay.committed(changedSymbols(stored.checked().kept(), stored.written())))
                .map(stored -> {
                    publisher.publishBars(stored.checked().kept(), mode == BarWriteMode.REPLACE);
                    return result(stored.checked(), stored.written(), skipped, origins);
                });
    }

    /** The bars to write, their positions among the valid bars, and the request's rejections so far. */
    private record Checked(List<DailyBar> kept, int[] positions, List<Rejection> rejected) {}

    private record Stored(Checked checked, BarRepository.Written written) {}

    /** {@code valid} without the bars that would leave a dividend at or above its prior close, which are rejected. */
    private static Checked withoutRefused(
            List<DailyBar> valid,
            List<Rejection> rejected,
            List<DividendPriorCloses.RecordedDividend> dividends,
            BarWriteMode mode,
            BarOrigins origins) {
        List<DividendPriorCloses.Refusal> refusals = DividendPriorCloses.refusals(valid, dividends, mode);
        if (refusals.isEmpty()) {
            return new Checked(valid, IntStream.range(0, valid.size()).toArray(), rejected);
        }
        Set<Integer> refused = new HashSet<>();
        List<Rejection> allRejected = new ArrayList<>(rejected);
        for (DividendPriorCloses.Refusal refusal : refusals) {
            refused.add(refusal.position());
            allRejected.add(origins.reject(refusal.position(), "close", refusal.reason()));
        }
        int[] positions = IntStream.range(0, valid.size())
                .filter(i -> !refused.contains(i))
                .toArray();
        return new Checked(Arrays.stream(positions).mapToObj(valid::get).toList(), positions, allRejected);
    }

    /** The result of a write: a bar an insert left beside another stored version is rejected where it came from. */
    private IngestResult result(Checked checked, BarRepository.Written written, int skipped, BarOrigins origins) {
        List<Rejection> rejected = new ArrayList<>(checked.rejected());
        for (BarRepository.Conflict conflict : written.conflicts()) {
            InsertConflict described = InsertConflict.of(checked.kept().get(conflict.position()), conflict.stored());
            rejected.add(
                    origins.reject(checked.positions()[conflict.position()], described.field(), described.reason()));
        }
        rejected.sort(LOCATION_ORDER);
        IngestResult result = new IngestResult(
                written.inserted(),
                checked.kept().size()
                        - written.inserted()
                        - written.replaced()
                        - written.conflicts().size(),
                rejected,
                skipped,
                written.replaced());
        metrics.bars(result);
        return result;
    }

    /** The symbols whose history the write changed: every symbol written when a bar was new (the count is not per symbol). */
    private static Set<String> changedSymbols(List<DailyBar> valid, BarRepository.Written written) {
        if (written.inserted() > 0) {
            return valid.stream().map(DailyBar::symbol).collect(Collectors.toCollection(LinkedHashSet::new));
        }
        return new LinkedHashSet<>(written.replacedSymbols());
    }
}
