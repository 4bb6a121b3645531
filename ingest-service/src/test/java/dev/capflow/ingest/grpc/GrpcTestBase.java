package dev.capflow.ingest.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import dev.capflow.proto.common.v1.IngestReport;
import dev.capflow.proto.ingest.v1.BarWriteMode;
import dev.capflow.proto.ingest.v1.DailyBar;
import dev.capflow.proto.ingest.v1.IngestBarsRequest;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.IngestTicksRequest;
import dev.capflow.proto.ingest.v1.IngestTicksResponse;
import dev.capflow.proto.ingest.v1.Instrument;
import dev.capflow.proto.ingest.v1.InstrumentKind;
import dev.capflow.proto.ingest.v1.MutinyIngestServiceGrpc;
import dev.capflow.proto.ingest.v1.Tick;
import dev.capflow.proto.ingest.v1.UpsertInstrumentRequest;
import dev.capflow.redis.PriceStreamEntries;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared plumbing of the gRPC tests: real client stubs with a per-call deadline, SQL assertions, fixtures. */
abstract class GrpcTestBase {

    static final long DEADLINE_SECONDS = 20;

    @GrpcClient("ingest")
    IngestServiceGrpc.IngestServiceBlockingStub blockingStub;

    @GrpcClient("ingest")
    MutinyIngestServiceGrpc.MutinyIngestServiceStub mutinyStub;

    /** The blocking stub with a fresh deadline for one call. */
    IngestServiceGrpc.IngestServiceBlockingStub client() {
        return blockingStub.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    /** The Mutiny stub with a fresh deadline for one call. */
    MutinyIngestServiceGrpc.MutinyIngestServiceStub mutiny() {
        return mutinyStub.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    /** Writes {@code bars} in {@code mode} with one IngestBars call and answers its report. */
    IngestReport writeBars(BarWriteMode mode, DailyBar... bars) {
        return client().ingestBars(IngestBarsRequest.newBuilder()
                        .setMode(mode)
                        .addAllBars(List.of(bars))
                        .build())
                .getReport();
    }

    void register(String symbol) {
        register(symbol, "USD");
    }

    void register(String symbol, String currency) {
        client().upsertInstrument(UpsertInstrumentRequest.newBuilder()
                .setInstrument(Instrument.newBuilder()
                        .setSymbol(symbol)
                        .setName(symbol + " Inc.")
                        .setCurrency(currency)
                        .setExchange("NASDAQ")
                        .setKind(InstrumentKind.INSTRUMENT_KIND_EQUITY))
                .build());
    }

    /** Registers {@code symbol} and stores {@code days} daily bars from 2025-01-01: a history a read takes some time over. */
    void storeHistory(String symbol, int days) {
        register(symbol);
        List<DailyBar> bars = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2025, 1, 1); bars.size() < days; day = day.plusDays(1)) {
            bars.add(bar(symbol, day.toString(), 100 + bars.size() % 7));
        }
        client().ingestBars(IngestBarsRequest.newBuilder().addAllBars(bars).build());
    }

    static DailyBar bar(String symbol, String date, double open, double high, double low, double close, long volume) {
        return DailyBar.newBuilder()
                .setSymbol(symbol)
                .setDate(date)
                .setOpen(open)
                .setHigh(high)
                .setLow(low)
                .setClose(close)
                .setVolume(volume)
                .build();
    }

    /** A plausible bar closing at {@code close} (> 1, so that its low stays positive). */
    static DailyBar bar(String symbol, String date, double close) {
        return bar(symbol, date, close, close + 1, close - 1, close, 1_000);
    }

    static Tick tick(String symbol, Instant ts, double price, long size) {
        return Tick.newBuilder()
                .setSymbol(symbol)
                .setTs(Timestamp.newBuilder().setSeconds(ts.getEpochSecond()).setNanos(ts.getNano()))
                .setPrice(price)
                .setSize(size)
                .build();
    }

    static IngestTicksRequest batch(long sequence, Tick... ticks) {
        return IngestTicksRequest.newBuilder()
                .setSequence(sequence)
                .addAllTicks(List.of(ticks))
                .build();
    }

    /** Streams the batches through IngestTicks and collects every acknowledgement. */
    List<IngestTicksResponse> streamTicks(IngestTicksRequest... batches) {
        return mutiny().ingestTicks(Multi.createFrom().items(batches))
                .collect()
                .asList()
                .await()
                .atMost(Duration.ofSeconds(DEADLINE_SECONDS));
    }

    /**
     * The batches on one stream, each sent once the one before is acknowledged: their acknowledgements then come in
     * order (batches sent together are stored concurrently and acknowledged in commit order).
     */
    List<IngestTicksResponse> streamTicksOneByOne(IngestTicksRequest... batches) {
        UnicastProcessor<IngestTicksRequest> requests = UnicastProcessor.create();
        AtomicInteger sent = new AtomicInteger(1);
        requests.onNext(batches[0]);
        return mutiny().ingestTicks(requests)
                .onItem()
                .invoke(ack -> {
                    int next = sent.getAndIncrement();
                    if (next < batches.length) {
                        requests.onNext(batches[next]);
                    } else {
                        requests.onComplete();
                    }
                })
                .collect()
                .asList()
                .await()
                .atMost(Duration.ofSeconds(DEADLINE_SECONDS));
    }

    /** The raw RESP reply of one command on this run's Redis database (after the +OK of its SELECT). */
    static String redis(String... command) {
        return PostgresRedisResource.datastores().redisCommand(command);
    }

    /** How many change entries of {@code kind} naming exactly {@code symbols} the stream holds. */
    static int changeEntries(String kind, String symbols) {
        // a change naming symbols of several shards is one entry in each shard, naming that shard's symbols
        return PriceStreamEntries.DEFAULT_SHARDING.bySymbolKey(List.of(symbols.split(","))).entrySet().stream()
                .mapToInt(shard -> changeEntries(shard.getKey(), kind, String.join(",", shard.getValue())))
                .min()
                .orElse(0);
    }

    private static int changeEntries(String streamKey, String kind, String symbols) {
        String entry = "\r\nkind\r\n$" + kind.length() + "\r\n" + kind + "\r\n$7\r\nsymbols\r\n$" + symbols.length()
                + "\r\n" + symbols + "\r\n";
        String stream = redis("XRANGE", streamKey, "-", "+");
        int count = 0;
        for (int at = stream.indexOf(entry); at >= 0; at = stream.indexOf(entry, at + 1)) {
            count++;
        }
        return count;
    }

    /** The price stream shard that {@code symbol}'s entries go to. */
    static String streamKey(String symbol) {
        return PriceStreamEntries.DEFAULT_SHARDING.keyFor(symbol);
    }

    /** The single number a SQL query answers, read with plain JDBC from this run's database. */
    static long sqlLong(String sql) throws SQLException {
        try (Connection connection = PostgresRedisResource.datastores().connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The field violations carried by an INVALID_ARGUMENT status. */
    static BadRequest badRequest(StatusRuntimeException error) throws InvalidProtocolBufferException {
        com.google.rpc.Status status = StatusProto.fromThrowable(error);
        if (status == null) {
            throw new AssertionError("no google.rpc.Status details in " + error);
        }
        for (com.google.protobuf.Any detail : status.getDetailsList()) {
            if (detail.is(BadRequest.class)) {
                return detail.unpack(BadRequest.class);
            }
        }
        throw new AssertionError("no BadRequest detail in " + error);
    }
}
