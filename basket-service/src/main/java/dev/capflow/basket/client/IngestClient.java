package dev.capflow.basket.client;

import dev.capflow.basket.config.BasketConfig;
import dev.capflow.basket.domain.ReturnType;
import dev.capflow.basket.engine.TimeSeries;
import dev.capflow.basket.market.LivePrice;
import dev.capflow.grpc.DownstreamCalls;
import dev.capflow.grpc.DownstreamException;
import dev.capflow.proto.ingest.v1.Adjustment;
import dev.capflow.proto.ingest.v1.GetLatestPricesRequest;
import dev.capflow.proto.ingest.v1.Instrument;
import dev.capflow.proto.ingest.v1.InstrumentKind;
import dev.capflow.proto.ingest.v1.ListInstrumentsRequest;
import dev.capflow.proto.ingest.v1.ListInstrumentsResponse;
import dev.capflow.proto.ingest.v1.MutinyIngestServiceGrpc.MutinyIngestServiceStub;
import dev.capflow.proto.ingest.v1.StreamBarsRequest;
import io.grpc.Channel;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * basket-service's door to ingest-service. Every call is an idempotent read with its own deadline, retried on
 * UNAVAILABLE; one circuit breaker (counting every attempt) guards them all.
 */
@Startup // re-resolves its channel from startup on, not from its first call
@ApplicationScoped
public class IngestClient {

    /** Name of the circuit breaker, for maintenance and metrics. */
    public static final String BREAKER = "ingest";

    /** Look-ups of one request's pieces in flight at once. */
    private static final int PIECES_AT_ONCE = 4;

    private final DownstreamCalls<MutinyIngestServiceStub> calls;
    private final BasketConfig.Ingest config;

    public IngestClient(
            @GrpcClient("ingest") MutinyIngestServiceStub stub,
            @GrpcClient("ingest") Channel channel,
            BasketConfig config,
            Vertx vertx) {
        this.config = config.ingest();
        this.calls = new DownstreamCalls<>(BREAKER, stub, channel, this.config, vertx);
    }

    /** The registered instruments among {@code symbols}, by symbol. */
    public Uni<Map<String, Instrument>> instruments(Collection<String> symbols) {
        return inPieces(symbols, piece -> {
                    ListInstrumentsRequest request = ListInstrumentsRequest.newBuilder()
                            .addAllSymbols(piece)
                            .build();
                    return read(stub -> stub.listInstruments(request)).map(ListInstrumentsResponse::getInstrumentsList);
                })
                .map(instruments -> {
                    Map<String, Instrument> found = new LinkedHashMap<>();
                    instruments.forEach(instrument -> found.put(instrument.getSymbol(), instrument));
                    return found;
                });
    }

    /** The registered FX instruments among {@code symbols}: symbol to quote currency. */
    public Uni<Map<String, String>> fxCurrencies(Collection<String> symbols) {
        ListInstrumentsRequest request = ListInstrumentsRequest.newBuilder()
                .addAllSymbols(symbols)
                .setKind(InstrumentKind.INSTRUMENT_KIND_FX)
                .build();
        return read(stub -> stub.listInstruments(request)).map(response -> {
            Map<String, String> found = new LinkedHashMap<>();
            response.getInstrumentsList()
                    .forEach(instrument -> found.put(instrument.getSymbol(), instrument.getCurrency()));
            return found;
        });
    }

    /** The latest price of each of {@code symbols} that has one (newest tick, else newest daily close). */
    public Uni<List<LivePrice>> latestPrices(Collection<String> symbols) {
        return inPieces(symbols, piece -> {
            GetLatestPricesRequest request =
                    GetLatestPricesRequest.newBuilder().addAllSymbols(piece).build();
            return read(stub -> stub.getLatestPrices(request))
                    .map(response -> response.getPricesList().stream()
                            .map(latest -> new LivePrice(
                                    latest.getSymbol(),
                                    latest.getPrice(),
                                    Instant.ofEpochSecond(
                                            latest.getTs().getSeconds(),
                                            latest.getTs().getNanos())))
                            .toList());
        });
    }

    /**
     * The StreamBars request for the daily bars of {@code symbols} in {@code [from, to]} (null {@code from}: from the
     * first; null {@code to}: up to the latest), split-adjusted for a price return and total-return adjusted for a
     * total return; only dates and closes, as packed columns.
     */
    public static StreamBarsRequest barsRequest(
            Collection<String> symbols, LocalDate from, LocalDate to, ReturnType type) {
        StreamBarsRequest.Builder request = StreamBarsRequest.newBuilder()
                .addAllSymbols(symbols)
                .setClosesOnly(true)
                .setAdjustment(
                        type == ReturnType.TOTAL ? Adjustment.ADJUSTMENT_TOTAL_RETURN : Adjustment.ADJUSTMENT_SPLIT);
        if (from != null) {
            request.setFrom(from.toString());
        }
        if (to != null) {
            request.setTo(to.toString());
        }
        return request.build();
    }

    /**
     * The closes of every requested series, by symbol in request order, through ONE StreamBars call: the bars arrive in
     * bounded pieces and are folded into primitive series as they come, so no message grows with the basket. A retry
     * starts the stream again from the beginning.
     */
    public Uni<Map<String, TimeSeries>> closes(StreamBarsRequest request) {
        return read(
                config.historyDeadline(),
                stub -> stub.streamBars(request)
                        .collect()
                        .in(ClosesCollector::new, ClosesCollector::add)
                        .map(ClosesCollector::closes));
    }

    /**
     * {@code call} applied to {@code symbols} at most symbols-per-call at a time, up to {@link #PIECES_AT_ONCE} calls at
     * once (a large basket's look-ups do not queue behind each other), the answers in the order of the pieces.
     */
    private <T> Uni<List<T>> inPieces(Collection<String> symbols, Function<List<String>, Uni<List<T>>> call) {
        List<String> all = List.copyOf(symbols);
        int size = config.symbolsPerCall();
        if (all.size() <= size) {
            return call.apply(all);
        }
        List<Uni<List<T>>> pieces = new ArrayList<>();
        for (int start = 0; start < all.size(); start += size) {
            List<String> piece = all.subList(start, Math.min(all.size(), start + size));
            pieces.add(Uni.createFrom().deferred(() -> call.apply(piece))); // asked when its turn comes
        }
        return Uni.join()
                .all(pieces)
                .usingConcurrencyOf(PIECES_AT_ONCE)
                .andFailFast()
                .map(found -> {
                    List<T> joined = new ArrayList<>();
                    found.forEach(joined::addAll);
                    return joined;
                });
    }

    private <T> Uni<T> read(Function<MutinyIngestServiceStub, Uni<T>> call) {
        return read(config.readDeadline(), call);
    }

    /** A guarded read with {@code deadline}; its failures become {@link DownstreamException}s naming the service. */
    private <T> Uni<T> read(Duration deadline, Function<MutinyIngestServiceStub, Uni<T>> call) {
        return calls.read(deadline, call)
                .onFailure()
                .transform(failure -> new DownstreamException("ingest-service", failure));
    }

    @PreDestroy
    void close() {
        calls.close();
    }
}
