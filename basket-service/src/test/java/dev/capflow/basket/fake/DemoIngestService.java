package dev.capflow.basket.fake;

import com.google.protobuf.Timestamp;
import dev.capflow.proto.ingest.v1.Adjustment;
import dev.capflow.proto.ingest.v1.DailyBar;
import dev.capflow.proto.ingest.v1.GetLatestPricesRequest;
import dev.capflow.proto.ingest.v1.GetLatestPricesResponse;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.Instrument;
import dev.capflow.proto.ingest.v1.InstrumentKind;
import dev.capflow.proto.ingest.v1.LatestPrice;
import dev.capflow.proto.ingest.v1.ListInstrumentsRequest;
import dev.capflow.proto.ingest.v1.ListInstrumentsResponse;
import dev.capflow.proto.ingest.v1.PriceSource;
import dev.capflow.proto.ingest.v1.StreamBarsRequest;
import dev.capflow.proto.ingest.v1.StreamBarsResponse;
import dev.capflow.testsupport.SyntheticPrices;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A stand-in for ingest-service serving the project's demo data ({@code demo/instruments.csv} and
 * {@code demo/prices/*.csv}), and on request synthetic ones ({@link SyntheticPrices}): ListInstruments, StreamBars and GetLatestPrices only. Bars carry the demo close (split-adjusted) for
 * ADJUSTMENT_SPLIT and the adjusted close, where the file has one, for ADJUSTMENT_TOTAL_RETURN. It records every
 * StreamBars request, and can leave unanswered those asking for a given symbol (a hung ingest-service).
 */
public class DemoIngestService extends IngestServiceGrpc.IngestServiceImplBase {

    /** One row of a demo price file. */
    private record Close(String date, double close, double adjusted) {}

    private final Map<String, Instrument> instruments = new ConcurrentHashMap<>();
    private final Map<String, List<Close>> prices = new ConcurrentHashMap<>();
    private final Map<String, LatestPrice> ticks = new ConcurrentHashMap<>();
    private final List<StreamBarsRequest> streamRequests = new CopyOnWriteArrayList<>();

    /** Bars per StreamBars piece: small, so that every demo series arrives in more than one piece. */
    static final int BARS_PER_PIECE = 20;

    private final Set<String> hungSymbols = ConcurrentHashMap.newKeySet();
    private final AtomicInteger hungCallsCancelled = new AtomicInteger();
    private final Map<String, StatusRuntimeException> refusals = new ConcurrentHashMap<>();
    private final AtomicInteger listInstrumentsCalls = new AtomicInteger();

    public DemoIngestService(Path demo) {
        try {
            List<String> lines = Files.readAllLines(demo.resolve("instruments.csv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                instruments.put(
                        cells[0],
                        Instrument.newBuilder()
                                .setSymbol(cells[0])
                                .setName(cells[1])
                                .setCurrency(cells[2])
                                .setExchange(cells[3])
                                .setKind(InstrumentKind.valueOf("INSTRUMENT_KIND_" + cells[4]))
                                .setVersion(1)
                                .build());
            }
            try (Stream<Path> files = Files.list(demo.resolve("prices"))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                    String name = file.getFileName().toString();
                    prices.put(name.substring(0, name.length() - ".csv".length()), read(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo data in " + demo, e);
        }
    }

    private static List<Close> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Close> closes = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            double close = Double.parseDouble(cells[1]);
            double adjusted = cells.length > 2 && !cells[2].isEmpty() ? Double.parseDouble(cells[2]) : close;
            closes.add(new Close(cells[0], close, adjusted));
        }
        return closes;
    }

    /** Registers {@code symbol} as an instrument of {@code kind} quoted in {@code currency} (before its closes). */
    public void register(String symbol, String currency, InstrumentKind kind) {
        instruments.put(
                symbol,
                Instrument.newBuilder()
                        .setSymbol(symbol)
                        .setName(symbol)
                        .setCurrency(currency)
                        .setExchange("TEST")
                        .setKind(kind)
                        .setVersion(1)
                        .build());
    }

    /**
     * Registers a USD equity {@code symbol} (if new) and stores a daily close for it, kept in date order, as if
     * ingest-service had just ingested the bar; a test announces it on the price stream itself.
     */
    public void addClose(String symbol, String date, double close) {
        instruments.computeIfAbsent(
                symbol,
                s -> Instrument.newBuilder()
                        .setSymbol(s)
                        .setName(s)
                        .setCurrency("USD")
                        .setExchange("TEST")
                        .setKind(InstrumentKind.INSTRUMENT_KIND_EQUITY)
                        .setVersion(1)
                        .build());
        prices.compute(symbol, (s, closes) -> {
            List<Close> updated = new ArrayList<>(closes == null ? List.of() : closes);
            updated.add(new Close(date, close, close));
            updated.sort(Comparator.comparing(Close::date));
            return List.copyOf(updated);
        });
    }

    /** Registers {@code count} synthetic USD equities ({@link SyntheticPrices}), L0000 onwards. */
    public void addSynthetic(int count) {
        for (int i = 0; i < count; i++) {
            instruments.computeIfAbsent(
                    SyntheticPrices.symbol(i),
                    s -> Instrument.newBuilder()
                            .setSymbol(s)
                            .setName(s)
                            .setCurrency("USD")
                            .setExchange("TEST")
                            .setKind(InstrumentKind.INSTRUMENT_KIND_EQUITY)
                            .setVersion(1)
                            .build());
        }
    }

    /** The StreamBars requests received so far, oldest first. */
    public List<StreamBarsRequest> streamRequests() {
        return List.copyOf(streamRequests);
    }

    /** From now on, StreamBars requests naming {@code symbol} get no answer until their caller cancels them. */
    public void hang(String symbol) {
        hungSymbols.add(symbol);
    }

    /** How many unanswered (hung) calls their callers have cancelled, e.g. because their deadline passed. */
    public int hungCallsCancelled() {
        return hungCallsCancelled.get();
    }

    /**
     * From now on, ListInstruments and StreamBars requests naming {@code symbol} are answered {@code refusal}, as
     * ingest-service refuses a request it finds wrong (too many symbols, a window too long).
     */
    public void refuse(String symbol, StatusRuntimeException refusal) {
        refusals.put(symbol, refusal);
    }

    /** How many ListInstruments calls the fake received. */
    public int listInstrumentsCalls() {
        return listInstrumentsCalls.get();
    }

    /** Answers the refusal set for a symbol of {@code symbols}, if any; true when it did. */
    private boolean refused(List<String> symbols, StreamObserver<?> answer) {
        return symbols.stream()
                .map(refusals::get)
                .filter(refusal -> refusal != null)
                .findFirst()
                .map(refusal -> {
                    answer.onError(refusal);
                    return true;
                })
                .orElse(false);
    }

    @Override
    public void listInstruments(ListInstrumentsRequest request, StreamObserver<ListInstrumentsResponse> answer) {
        listInstrumentsCalls.incrementAndGet();
        if (refused(request.getSymbolsList(), answer)) {
            return;
        }
        ListInstrumentsResponse.Builder response = ListInstrumentsResponse.newBuilder();
        Set<String> wanted = Set.copyOf(request.getSymbolsList());
        instruments.values().stream()
                .filter(i -> wanted.isEmpty() || wanted.contains(i.getSymbol()))
                .filter(i -> request.getKind() == InstrumentKind.INSTRUMENT_KIND_UNSPECIFIED
                        || request.getKind() == i.getKind())
                .forEach(response::addInstruments);
        answer.onNext(response.build());
        answer.onCompleted();
    }

    /** Stores {@code price} at {@code ts} as {@code symbol}'s latest, as ingest-service does before publishing a tick. */
    public void tick(String symbol, double price, Instant ts) {
        ticks.put(
                symbol,
                LatestPrice.newBuilder()
                        .setSymbol(symbol)
                        .setPrice(price)
                        .setTs(Timestamp.newBuilder()
                                .setSeconds(ts.getEpochSecond())
                                .setNanos(ts.getNano()))
                        .setSource(PriceSource.PRICE_SOURCE_TICK)
                        .build());
    }

    /**
     * The latest tick stored by {@link #tick}, else the last demo close of each requested symbol, stamped 00:00 UTC of
     * its session as ingest-service does.
     */
    @Override
    public void getLatestPrices(GetLatestPricesRequest request, StreamObserver<GetLatestPricesResponse> answer) {
        GetLatestPricesResponse.Builder response = GetLatestPricesResponse.newBuilder();
        for (String symbol : request.getSymbolsList()) {
            List<Close> closes = prices.getOrDefault(symbol, List.of());
            if (ticks.containsKey(symbol)) {
                response.addPrices(ticks.get(symbol));
            } else if (!closes.isEmpty()) {
                Close last = closes.get(closes.size() - 1);
                long seconds = LocalDate.parse(last.date())
                        .atStartOfDay(ZoneOffset.UTC)
                        .toEpochSecond();
                response.addPrices(LatestPrice.newBuilder()
                        .setSymbol(symbol)
                        .setPrice(last.close())
                        .setTs(Timestamp.newBuilder().setSeconds(seconds))
                        .setSource(PriceSource.PRICE_SOURCE_DAILY_CLOSE));
            }
        }
        answer.onNext(response.build());
        answer.onCompleted();
    }

    /**
     * Every requested series in pieces of at most {@link #BARS_PER_PIECE} bars, in request order (one empty piece for
     * a series without bars), as ingest-service answers; synthetic symbols get {@link SyntheticPrices}' closes.
     */
    @Override
    public void streamBars(StreamBarsRequest request, StreamObserver<StreamBarsResponse> answer) {
        streamRequests.add(request);
        if (request.getSymbolsList().stream().anyMatch(hungSymbols::contains)) {
            ((ServerCallStreamObserver<StreamBarsResponse>) answer)
                    .setOnCancelHandler(hungCallsCancelled::incrementAndGet);
            return;
        }
        if (refused(request.getSymbolsList(), answer)) {
            return;
        }
        boolean total = request.getAdjustment() == Adjustment.ADJUSTMENT_TOTAL_RETURN;
        for (String symbol : request.getSymbolsList()) {
            List<DailyBar> bars = new ArrayList<>();
            int synthetic = SyntheticPrices.index(symbol);
            if (synthetic >= 0) {
                LocalDate to =
                        request.getTo().isEmpty() ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(request.getTo());
                for (LocalDate date = LocalDate.parse(request.getFrom()); !date.isAfter(to); date = date.plusDays(1)) {
                    if (SyntheticPrices.trades(synthetic, date)) {
                        bars.add(bar(symbol, date.toString(), SyntheticPrices.close(synthetic, date)));
                    }
                }
            }
            for (Close close : prices.getOrDefault(symbol, List.of())) {
                boolean inRange = (request.getFrom().isEmpty() || close.date().compareTo(request.getFrom()) >= 0)
                        && (request.getTo().isEmpty() || close.date().compareTo(request.getTo()) <= 0);
                if (inRange) {
                    bars.add(bar(symbol, close.date(), total ? close.adjusted() : close.close()));
                }
            }
            int start = 0;
            do {
                answer.onNext(StreamBarsResponse.newBuilder()
                        .setSymbol(symbol)
                        .setAdjustment(request.getAdjustment())
                        .addAllBars(bars.subList(start, Math.min(bars.size(), start + BARS_PER_PIECE)))
                        .build());
                start += BARS_PER_PIECE;
            } while (start < bars.size());
        }
        answer.onCompleted();
    }

    private static DailyBar bar(String symbol, String date, double price) {
        return DailyBar.newBuilder()
                .setSymbol(symbol)
                .setDate(date)
                .setOpen(price)
                .setHigh(price)
                .setLow(price)
                .setClose(price)
                .build();
    }
}
