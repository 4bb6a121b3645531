package dev.capflow.bench;

import com.google.protobuf.Timestamp;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.IngestTicksRequest;
import dev.capflow.proto.ingest.v1.IngestTicksResponse;
import dev.capflow.proto.ingest.v1.Instrument;
import dev.capflow.proto.ingest.v1.InstrumentKind;
import dev.capflow.proto.ingest.v1.Tick;
import dev.capflow.proto.ingest.v1.UpsertInstrumentRequest;
import dev.capflow.testsupport.BearerChannels;
import dev.capflow.testsupport.ResendingTickStreamer;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
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
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;

/**
 * Streams N ticks over gRPC into a running ingest-service (persisted = acknowledged after commit),
 * then COPYs the very same rows into a table shaped like ingest.tick in the same PostgreSQL, and
 * prints both rates and their ratio as a Markdown table row.
 */
public final class TickIngestBenchmark {

    private static final Instant BASE = Instant.parse("2025-01-02T14:30:00Z");

    private TickIngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchArgs options = BenchArgs.parse(args);
        List<String> symbols = symbols(options.symbols());
        List<IngestTicksRequest> batches = batches(symbols, options.ticks(), options.batchSize());

        ManagedChannel managed = NettyChannelBuilder.forTarget(options.grpcTarget())
                .usePlaintext()
                .maxInboundMessageSize(64 << 20)
                .build();
        // ingest-service checks the bearer token of every call (docs/decisions.md)
        Channel channel = BearerChannels.withToken(managed, options.token());
        try (Connection db = DriverManager.getConnection(options.jdbcUrl(), options.user(), options.password())) {
            registerInstruments(channel, symbols);
            long before = count(db, "ingest.tick");

            Instant start = Instant.now();
            Map<Long, IngestTicksResponse> acks =
                    new ResendingTickStreamer(channel, options.inFlight()).sendAll(batches, Duration.ofMinutes(30));
            Duration grpc = Duration.between(start, Instant.now());
            long accepted = acks.values().stream()
                    .mapToLong(a -> a.getReport().getAccepted())
                    .sum();
            long stored = count(db, "ingest.tick") - before;
            if (stored != options.ticks() || accepted != options.ticks()) {
                throw new IllegalStateException("expected " + options.ticks() + " new rows, stored " + stored
                        + ", acknowledged as accepted " + accepted);
            }

            Duration copy = copyBaseline(db, batches);
            print(options, grpc, copy);
        } finally {
            managed.shutdown().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static List<String> symbols(int count) {
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            symbols.add(String.format(Locale.ROOT, "BENCH%03d", i));
        }
        return symbols;
    }

    /** Round-robin over the symbols, one millisecond apart per symbol, so every (symbol, ts) is new. */
    private static List<IngestTicksRequest> batches(List<String> symbols, int ticks, int batchSize) {
        List<IngestTicksRequest> batches = new ArrayList<>();
        IngestTicksRequest.Builder batch = IngestTicksRequest.newBuilder().setSequence(0);
        for (int i = 0; i < ticks; i++) {
            Instant ts = BASE.plusMillis(i / symbols.size());
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

    /** Registers each symbol as a USD equity (also used by {@link BulkImportBenchmark}). */
    static void registerInstruments(Channel channel, List<String> symbols) {
        IngestServiceGrpc.IngestServiceBlockingStub stub = IngestServiceGrpc.newBlockingStub(channel);
        for (String symbol : symbols) {
            // untimed set-up: a generous deadline, so that a service still warming up on a busy machine answers
            stub.withDeadlineAfter(60, TimeUnit.SECONDS)
                    .upsertInstrument(UpsertInstrumentRequest.newBuilder()
                            .setInstrument(Instrument.newBuilder()
                                    .setSymbol(symbol)
                                    .setName("Benchmark " + symbol)
                                    .setCurrency("USD")
                                    .setExchange("BENCH")
                                    .setKind(InstrumentKind.INSTRUMENT_KIND_EQUITY))
                            .build());
        }
    }

    /** COPY of the same rows into an empty table with the same columns and primary key. */
    private static Duration copyBaseline(Connection db, List<IngestTicksRequest> batches) throws Exception {
        StringBuilder csv = new StringBuilder(batches.size() * 5000 * 48);
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
        try (Statement statement = db.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS bench");
            statement.execute("DROP TABLE IF EXISTS bench.tick_copy");
            statement.execute("CREATE TABLE bench.tick_copy (LIKE ingest.tick INCLUDING ALL)");
        }
        Instant start = Instant.now();
        long copied = db.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                        "COPY bench.tick_copy (symbol, ts, price, size) FROM STDIN (FORMAT csv)",
                        new StringReader(csv.toString()));
        Duration elapsed = Duration.between(start, Instant.now());
        try (Statement statement = db.createStatement()) {
            statement.execute("DROP TABLE bench.tick_copy");
        }
        if (copied
                != batches.stream().mapToLong(IngestTicksRequest::getTicksCount).sum()) {
            throw new IllegalStateException("COPY stored " + copied + " rows");
        }
        return elapsed;
    }

    static long count(Connection db, String table) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void print(BenchArgs options, Duration grpc, Duration copy) {
        double grpcRate = options.ticks() / seconds(grpc);
        double copyRate = options.ticks() / seconds(copy);
        System.out.printf(
                Locale.ROOT,
                "| %,d ticks, batch %,d, %d in flight | gRPC ingest %.2f s = %,.0f ticks/s "
                        + "| COPY %.2f s = %,.0f ticks/s | ratio %.2fx COPY |%n",
                options.ticks(),
                options.batchSize(),
                options.inFlight(),
                seconds(grpc),
                grpcRate,
                seconds(copy),
                copyRate,
                grpcRate / copyRate);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
