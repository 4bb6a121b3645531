package dev.capflow.bench;

import com.google.protobuf.Timestamp;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.IngestTicksRequest;
import dev.capflow.proto.ingest.v1.IngestTicksResponse;
import dev.capflow.proto.ingest.v1.Instrument;
import dev.capflow.proto.ingest.v1.InstrumentKind;
import dev.capflow.proto.ingest.v1.Tick;
import dev.capflow.proto.ingest.v1.UpsertInstrumentRequest;
import dev.capflow.proto.ingest.v1.UpsertInstrumentResponse;
import dev.capflow.testsupport.BearerChannels;
import dev.capflow.testsupport.ResendingTickStreamer;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.postgresql.PGConnection;

/**
 * Streams N ticks over gRPC into a running ingest-service (persisted = acknowledged after commit),
 * then COPYs the very same rows into a table shaped like ingest.tick in the same PostgreSQL, and
 * prints both rates and their ratio as a Markdown table row; before it, optionally, a warm-up run of
 * its own ticks measured the same way and printed as its own row.
 */
public final class TickIngestBenchmark {

    private static final Instant BASE = Instant.parse("2025-01-02T14:30:00Z");
    // a day earlier, so no warm-up tick shares a (symbol, ts) with a measured one
    private static final Instant WARM_UP_BASE = BASE.minus(Duration.ofDays(1));

    private record Timings(long ticks, Duration grpc, Duration copy) {}

    private TickIngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchArgs options = BenchArgs.parse(args);
        List<String> symbols = symbols(options.symbols());
        List<IngestTicksRequest> warmUp = batches(symbols, options.warmUpTicks(), options.batchSize(), WARM_UP_BASE);
        List<IngestTicksRequest> measured = batches(symbols, options.ticks(), options.batchSize(), BASE);

        ManagedChannel managed = NettyChannelBuilder.forTarget(options.grpcTarget())
                .usePlaintext()
                .maxInboundMessageSize(64 << 20)
                .build();
        // ingest-service checks the bearer token of every call (docs/decisions.md)
        Channel channel = BearerChannels.withToken(managed, options.token());
        try (Connection db = DriverManager.getConnection(options.jdbcUrl(), options.user(), options.password())) {
            registerInstruments(channel, symbols);
            if (!warmUp.isEmpty()) {
                print("warm-up, not the figure: ", options, run(channel, db, options, warmUp, List.of()));
            }
            print("", options, run(channel, db, options, measured, warmUp));
        } finally {
            managed.shutdown().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /**
     * Streams the batches, checks that every tick was stored and acknowledged as accepted, then times COPY of the
     * same rows into a table that holds {@code alreadyStored} as ingest.tick does.
     */
    private static Timings run(
            Channel channel,
            Connection db,
            BenchArgs options,
            List<IngestTicksRequest> batches,
            List<IngestTicksRequest> alreadyStored)
            throws Exception {
        long ticks = tickCount(batches);
        long before = count(db, "ingest.tick");
        Instant start = Instant.now();
        Map<Long, IngestTicksResponse> acks =
                new ResendingTickStreamer(channel, options.inFlight()).sendAll(batches, Duration.ofMinutes(30));
        Duration grpc = Duration.between(start, Instant.now());
        long accepted = acks.values().stream()
                .mapToLong(a -> a.getReport().getAccepted())
                .sum();
        long stored = count(db, "ingest.tick") - before;
        if (stored != ticks || accepted != ticks) {
            throw new IllegalStateException(
                    "expected " + ticks + " new rows, stored " + stored + ", acknowledged as accepted " + accepted);
        }
        return new Timings(ticks, grpc, copyBaseline(db, alreadyStored, batches));
    }

    private static List<String> symbols(int count) {
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            symbols.add(String.format(Locale.ROOT, "BENCH%03d", i));
        }
        return symbols;
    }

    /** Round-robin over the symbols, one millisecond apart per symbol, so every (symbol, ts) is new. */
    private static List<IngestTicksRequest> batches(List<String> symbols, int ticks, int batchSize, Instant base) {
        List<IngestTicksRequest> batches = new ArrayList<>();
        IngestTicksRequest.Builder batch = IngestTicksRequest.newBuilder().setSequence(0);
        for (int i = 0; i < ticks; i++) {
            Instant ts = base.plusMillis(i / symbols.size());
            batch.addTicks(Tick.newBuilder()
                    .setSymbol(symbols.get(i % symbols.size()))
                    .setTs(Timestamp.newBuilder()
                            .setSeconds(ts.getEpochSecond())
                            .setNanos(ts.getNano()))
                    .setPrice(100.0 + (i % 1000) / 100.0)
                    .setSize(1 + i % 500));
            if (batch.getTicksCount() == batchSize) {
                batches.add(batch.build());
                batch = IngestTicksRequest.newBuilder().setSequence(batches.size());
            }
        }
        if (batch.getTicksCount() > 0) {
            batches.add(batch.build());
        }
        return batches;
    }

    /**
     * Registers each symbol as a USD equity, up to 16 calls in flight (also used by {@link BulkImportBenchmark} and
     * {@link LargeUniverseBenchmark}).
     */
    static void registerInstruments(Channel channel, List<String> symbols) throws InterruptedException {
        Semaphore inFlight = new Semaphore(16);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        IngestServiceGrpc.IngestServiceStub stub = IngestServiceGrpc.newStub(channel);
        for (String symbol : symbols) {
            inFlight.acquire();
            stub.withDeadlineAfter(60, TimeUnit.SECONDS)
                    .upsertInstrument(
                            UpsertInstrumentRequest.newBuilder()
                                    .setInstrument(Instrument.newBuilder()
                                            .setSymbol(symbol)
                                            .setName("Benchmark " + symbol)
                                            .setCurrency("USD")
                                            .setExchange("BENCH")
                                            .setKind(InstrumentKind.INSTRUMENT_KIND_EQUITY))
                                    .build(),
                            new StreamObserver<>() {
                                @Override
                                public void onNext(UpsertInstrumentResponse response) {}

                                @Override
                                public void onError(Throwable t) {
                                    failure.compareAndSet(null, t);
                                    inFlight.release();
                                }

                                @Override
                                public void onCompleted() {
                                    inFlight.release();
                                }
                            });
        }
        inFlight.acquire(16);
        if (failure.get() != null) {
            throw new IllegalStateException("registering the instruments failed", failure.get());
        }
    }

    /**
     * COPY of the same rows into a table with the same columns and primary key, which first gets {@code alreadyStored}
     * (untimed), so it holds what ingest.tick held when the batches were streamed.
     */
    private static Duration copyBaseline(
            Connection db, List<IngestTicksRequest> alreadyStored, List<IngestTicksRequest> batches) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS bench");
            statement.execute("DROP TABLE IF EXISTS bench.tick_copy");
            statement.execute("CREATE TABLE bench.tick_copy (LIKE ingest.tick INCLUDING ALL)");
        }
        copy(db, alreadyStored);
        String csv = csv(batches);
        Instant start = Instant.now();
        long copied = copy(db, csv);
        Duration elapsed = Duration.between(start, Instant.now());
        try (Statement statement = db.createStatement()) {
            statement.execute("DROP TABLE bench.tick_copy");
        }
        if (copied != tickCount(batches)) {
            throw new IllegalStateException("COPY stored " + copied + " rows");
        }
        return elapsed;
    }

    private static long copy(Connection db, List<IngestTicksRequest> batches) throws Exception {
        return batches.isEmpty() ? 0 : copy(db, csv(batches));
    }

    private static long copy(Connection db, String csv) throws Exception {
        return db.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                        "COPY bench.tick_copy (symbol, ts, price, size) FROM STDIN (FORMAT csv)",
                        new StringReader(csv));
    }

    private static String csv(List<IngestTicksRequest> batches) {
        StringBuilder csv = new StringBuilder(Math.toIntExact(tickCount(batches) * 48));
        for (IngestTicksRequest batch : batches) {
            for (Tick tick : batch.getTicksList()) {
                Instant ts = Instant.ofEpochSecond(
                        tick.getTs().getSeconds(), tick.getTs().getNanos());
                csv.append(tick.getSymbol())
                        .append(',')
                        .append(ts)
                        .append(',')
                        .append(tick.getPrice())
                        .append(',')
                        .append(tick.getSize())
                        .append('\n');
            }
        }
        return csv.toString();
    }

    private static long tickCount(List<IngestTicksRequest> batches) {
        return batches.stream().mapToLong(IngestTicksRequest::getTicksCount).sum();
    }

    static long count(Connection db, String table) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void print(String label, BenchArgs options, Timings timings) {
        double grpcRate = timings.ticks() / seconds(timings.grpc());
        double copyRate = timings.ticks() / seconds(timings.copy());
        System.out.printf(
                Locale.ROOT,
                "| %s%,d ticks, batch %,d, %d in flight | gRPC ingest %.2f s = %,.0f ticks/s "
                        + "| COPY %.2f s = %,.0f ticks/s | ratio %.2fx COPY |%n",
                label,
                timings.ticks(),
                options.batchSize(),
                options.inFlight(),
                seconds(timings.grpc()),
                grpcRate,
                seconds(timings.copy()),
                copyRate,
                grpcRate / copyRate);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
