package dev.capflow.exposure.fake;

import com.google.protobuf.Timestamp;
import dev.capflow.proto.ingest.v1.DailyBar;
import dev.capflow.proto.ingest.v1.GetBarsBatchRequest;
import dev.capflow.proto.ingest.v1.GetBarsBatchResponse;
import dev.capflow.proto.ingest.v1.GetBarsResponse;
import dev.capflow.proto.ingest.v1.GetLatestPricesRequest;
import dev.capflow.proto.ingest.v1.GetLatestPricesResponse;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.Instrument;
import dev.capflow.proto.ingest.v1.InstrumentKind;
import dev.capflow.proto.ingest.v1.LatestPrice;
import dev.capflow.proto.ingest.v1.ListInstrumentsRequest;
import dev.capflow.proto.ingest.v1.ListInstrumentsResponse;
import dev.capflow.proto.ingest.v1.PriceSource;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for ingest-service over the demo market: ListInstruments (with shares outstanding) and GetLatestPrices (the
 * last demo close, stamped 00:00 UTC of its session). Tests can hide symbols' prices, take it down
 * (every call UNAVAILABLE), delay the next GetLatestPrices answer and count GetLatestPrices calls.
 */
public class FakeIngestService extends IngestServiceGrpc.IngestServiceImplBase {

    private final DemoMarket market;
    private final Set<String> withoutPrice = ConcurrentHashMap.newKeySet();
    private final AtomicInteger priceCalls = new AtomicInteger();
    private final AtomicReference<Duration> nextPricesDelay = new AtomicReference<>();
    private volatile boolean down;

    public FakeIngestService(DemoMarket market) {
        this.market = market;
    }

    /** From now on, GetLatestPrices has no price for {@code symbol} (until {@link #restorePrices()}). */
    public void hidePrice(String symbol) {
        withoutPrice.add(symbol);
    }

    public void restorePrices() {
        withoutPrice.clear();
    }

    /** The next GetLatestPrices or GetBarsBatch call is answered only after {@code delay} (a slow ingest-service, once). */
    public void delayNextPriceCall(Duration delay) {
        nextPricesDelay.set(delay);
    }

    /** While down, every call is UNAVAILABLE. */
    public void setDown(boolean down) {
        this.down = down;
    }

    public int priceCalls() {
        return priceCalls.get();
    }

    @Override
    public void listInstruments(ListInstrumentsRequest request, StreamObserver<ListInstrumentsResponse> answer) {
        if (down) {
            answer.onError(Status.UNAVAILABLE
                    .withDescription("fake ingest-service is down")
                    .asRuntimeException());
            return;
        }
        ListInstrumentsResponse.Builder response = ListInstrumentsResponse.newBuilder();
        market.instruments().values().stream()
                .filter(i -> request.getSymbolsList().isEmpty()
                        || request.getSymbolsList().contains(i.symbol()))
                .forEach(i -> {
                    Instrument.Builder instrument = Instrument.newBuilder()
                            .setSymbol(i.symbol())
                            .setName(i.name())
                            .setCurrency(i.currency())
                            .setKind(InstrumentKind.valueOf("INSTRUMENT_KIND_" + i.kind()))
                            .setVersion(1);
                    i.sharesOutstanding().ifPresent(shares -> instrument.setSharesOutstanding((long) shares));
                    response.addInstruments(instrument);
                });
        answer.onNext(response.build());
        answer.onCompleted();
    }

    @Override
    public void getLatestPrices(GetLatestPricesRequest request, StreamObserver<GetLatestPricesResponse> answer) {
        countPriceCall();
        if (down) {
            answer.onError(Status.UNAVAILABLE
                    .withDescription("fake ingest-service is down")
                    .asRuntimeException());
            return;
        }
        GetLatestPricesResponse.Builder response = GetLatestPricesResponse.newBuilder();
        for (String symbol : request.getSymbolsList()) {
            if (!withoutPrice.contains(symbol) && !market.closes(symbol).isEmpty()) {
                DemoMarket.Close last = market.last(symbol);
                response.addPrices(LatestPrice.newBuilder()
                        .setSymbol(symbol)
                        .setPrice(last.close())
                        .setTs(Timestamp.newBuilder().setSeconds(DemoMarket.epochSecond(last.date())))
                        .setSource(PriceSource.PRICE_SOURCE_DAILY_CLOSE));
            }
        }
        answer.onNext(response.build());
        answer.onCompleted();
    }

    /** The demo closes between the request's bounds (inclusive), as stored (the demo data has no splits to adjust). */
    @Override
    public void getBarsBatch(GetBarsBatchRequest request, StreamObserver<GetBarsBatchResponse> answer) {
        countPriceCall();
        if (down) {
            answer.onError(Status.UNAVAILABLE
                    .withDescription("fake ingest-service is down")
                    .asRuntimeException());
            return;
        }
        LocalDate from = request.getFrom().isEmpty() ? LocalDate.MIN : LocalDate.parse(request.getFrom());
        LocalDate to = request.getTo().isEmpty() ? LocalDate.MAX : LocalDate.parse(request.getTo());
        GetBarsBatchResponse.Builder response = GetBarsBatchResponse.newBuilder();
        for (String symbol : request.getSymbolsList()) {
            GetBarsResponse.Builder series =
                    GetBarsResponse.newBuilder().setSymbol(symbol).setAdjustment(request.getAdjustment());
            if (!withoutPrice.contains(symbol)) {
                market.closes(symbol).stream()
                        .filter(c -> !c.date().isBefore(from) && !c.date().isAfter(to))
                        .forEach(c -> series.addBars(DailyBar.newBuilder()
                                .setSymbol(symbol)
                                .setDate(c.date().toString())
                                .setOpen(c.close())
                                .setHigh(c.close())
                                .setLow(c.close())
                                .setClose(c.close())));
            }
            response.addSeries(series);
        }
        answer.onNext(response.build());
        answer.onCompleted();
    }

    /** Counts a latest-price or closes call and holds it for the delay asked, if any. */
    private void countPriceCall() {
        priceCalls.incrementAndGet();
        Duration delay = nextPricesDelay.getAndSet(null);
        if (delay != null) {
            // a fake's own server thread: sleeping here delays only this call
            sleep(delay);
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
