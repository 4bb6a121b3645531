package dev.capflow.exposure.client;

import dev.capflow.exposure.config.ExposureConfig;
import dev.capflow.exposure.valuation.InstrumentFacts;
import dev.capflow.exposure.valuation.LatestPrice;
import dev.capflow.grpc.DownstreamCalls;
import dev.capflow.grpc.DownstreamException;
import dev.capflow.proto.ingest.v1.Adjustment;
import dev.capflow.proto.ingest.v1.DailyBar;
import dev.capflow.proto.ingest.v1.GetBarsBatchRequest;
import dev.capflow.proto.ingest.v1.GetLatestPricesRequest;
import dev.capflow.proto.ingest.v1.ListInstrumentsRequest;
import dev.capflow.proto.ingest.v1.MutinyIngestServiceGrpc.MutinyIngestServiceStub;
import io.grpc.Channel;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * exposure-service's door to ingest-service: the instruments and latest prices that value listed entities. Every call is
 * an idempotent read with its own deadline, retried on UNAVAILABLE, behind one circuit breaker.
 */
@Startup // re-resolves its channel from startup on, not from its first call
@ApplicationScoped
public class IngestClient {

    /** Name of the circuit breaker, for maintenance and metrics. */
    public static final String BREAKER = "ingest";

    private final DownstreamCalls<MutinyIngestServiceStub> calls;
    private final ExposureConfig.Ingest config;

    public IngestClient(
            @GrpcClient("ingest") MutinyIngestServiceStub stub,
            @GrpcClient("ingest") Channel channel,
            ExposureConfig config,
            Vertx vertx) {
        this.config = config.ingest();
        this.calls = new DownstreamCalls<>(BREAKER, stub, channel, config.ingest(), vertx);
    }

    /** The registered instruments among {@code symbols}, by symbol. */
    public Uni<Map<String, InstrumentFacts>> instruments(Collection<String> symbols) {
        ListInstrumentsRequest request =
                ListInstrumentsRequest.newBuilder().addAllSymbols(symbols).build();
        return read(stub -> stub.listInstruments(request)).map(response -> {
            Map<String, InstrumentFacts> found = new LinkedHashMap<>();
            response.getInstrumentsList()
                    .forEach(i -> found.put(
                            i.getSymbol(),
                            new InstrumentFacts(
                                    i.getSymbol(),
                                    i.getCurrency(),
                                    i.hasSharesOutstanding()
                                            ? OptionalLong.of(i.getSharesOutstanding())
                                            : OptionalLong.empty())));
            return found;
        });
    }

    /** The latest price of each of {@code symbols} that has one, by symbol, in ONE GetLatestPrices call. */
    public Uni<Map<String, LatestPrice>> latestPrices(Collection<String> symbols) {
        GetLatestPricesRequest request =
                GetLatestPricesRequest.newBuilder().addAllSymbols(symbols).build();
        return read(stub -> stub.getLatestPrices(request)).map(response -> {
            Map<String, LatestPrice> found = new LinkedHashMap<>();
            response.getPricesList()
                    .forEach(p -> found.put(
                            p.getSymbol(),
                            new LatestPrice(
                                    p.getSymbol(),
                                    p.getPrice(),
                                    Instant.ofEpochSecond(
                                            p.getTs().getSeconds(), p.getTs().getNanos()))));
            return found;
        });
    }

    /**
     * The last split-adjusted daily close of each of {@code symbols} in the {@code lookback} days up to {@code date}
     * (inclusive), by symbol, in ONE GetBarsBatch call; its time is 00:00 UTC of its session date.
     */
    public Uni<Map<String, LatestPrice>> closesAtOrBefore(Collection<String> symbols, LocalDate date) {
        GetBarsBatchRequest request = GetBarsBatchRequest.newBuilder()
                .addAllSymbols(symbols)
                .setFrom(date.minusDays(config.closeLookback().toDays()).toString())
                .setTo(date.toString())
                .setAdjustment(Adjustment.ADJUSTMENT_SPLIT)
                .build();
        return read(stub -> stub.getBarsBatch(request)).map(response -> {
            Map<String, LatestPrice> found = new LinkedHashMap<>();
            response.getSeriesList().stream()
                    .filter(series -> series.getBarsCount() > 0)
                    .forEach(series -> {
                        DailyBar last = series.getBars(series.getBarsCount() - 1);
                        found.put(
                                series.getSymbol(),
                                new LatestPrice(
                                        series.getSymbol(),
                                        last.getClose(),
                                        LocalDate.parse(last.getDate())
                                                .atStartOfDay(ZoneOffset.UTC)
                                                .toInstant()));
                    });
            return found;
        });
    }

    /** A guarded read; its failures become {@link DownstreamException}s naming the service. */
    private <T> Uni<T> read(Function<MutinyIngestServiceStub, Uni<T>> call) {
        return calls.read(call).onFailure().transform(failure -> new DownstreamException("ingest-service", failure));
    }

    @PreDestroy
    void close() {
        calls.close();
    }
}
