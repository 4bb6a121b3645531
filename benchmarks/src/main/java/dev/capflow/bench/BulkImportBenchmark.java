package dev.capflow.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import dev.capflow.proto.ingest.v1.DailyBar;
import dev.capflow.proto.ingest.v1.ImportBarsRequest;
import dev.capflow.proto.ingest.v1.ImportBarsResponse;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.proto.ingest.v1.Instrument;
import dev.capflow.proto.ingest.v1.InstrumentKind;
import dev.capflow.proto.ingest.v1.UpsertInstrumentRequest;
import dev.capflow.testsupport.BearerChannels;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

/**
 * Imports N symbols x M business days of daily bars through the ImportBars stream of a running ingest-service
 * (acknowledged = committed), then COPYs the very same rows into a table shaped like ingest.daily_bar (same primary
 * key, checks and foreign key) in the same PostgreSQL, and prints both rates and their ratio as a Markdown row. Rows
 * are generated while they are sent, in both runs, so memory stays flat at any size.
 */
public final class BulkImportBenchmark {

    private BulkImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int symbolCount = Integer.parseInt(options.getOrDefault("symbols", "500"));
        int days = Integer.parseInt(options.getOrDefault("days", "2520"));
        int chunkSize = Integer.parseInt(options.getOrDefault("chunk", "10000"));
        int inFlight = Integer.parseInt(options.getOrDefault("in-flight", "6"));
        Rows rows = new Rows(symbols(symbolCount), businessDays(days));

        ManagedChannel managed = NettyChannelBuilder.forTarget(options.getOrDefault("grpc", "127.0.0.1:9081"))
                .usePlaintext().build();
        Channel channel = BearerChannels.withToken(managed, required(options, "token"));
        try (Connection db = DriverManager.getConnection(required(options, "jdbc"), options.getOrDefault("user", "postgres"),
                options.getOrDefault("password", ""))) {
            register(channel, rows.symbols());
            Instant start = Instant.now();
            long accepted = importAll(channel, rows, chunkSize, inFlight);
            Duration grpc = Duration.between(start, Instant.now());
            long stored = count(db, "ingest.daily_bar");
            if (accepted != rows.total() || stored != rows.total()) {
                throw new IllegalStateException("expected " + rows.total() + " new bars, stored " + stored
                        + ", acknowledged as accepted " + accepted);
            }
            Duration copy = copyBaseline(db, rows, chunkSize);
            double grpcRate = rows.total() / seconds(grpc);
            double copyRate = rows.total() / seconds(copy);
            System.out.printf(Locale.ROOT, "| %,d symbols x %,d days = %,d bars, chunk %,d, %d in flight | ImportBars "
                    + "%.2f s = %,.0f bars/s | COPY %.2f s = %,.0f bars/s | ratio %.2fx COPY |%n", symbolCount, days,
                    rows.total(), chunkSize, inFlight, seconds(grpc), grpcRate, seconds(copy), copyRate,
                    grpcRate / copyRate);
        } finally {
            managed.shutdown().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** The bars in import order: symbol by symbol, each over every day, with plausible values. */
    private record Rows(List<String> symbols, List<String> dates) {

        long total() {
            return (long) symbols.size() * dates.size();
        }

        DailyBar bar(long i) {
            String symbol = symbols.get((int) (i / dates.size()));
            String date = dates.get((int) (i % dates.size()));
            double close = 20 + (i % 997) / 10.0;
            return DailyBar.newBuilder().setSymbol(symbol).setDate(date).setOpen(close - 0.5).setHigh(close + 1)
                    .setLow(close - 1).setClose(close).setVolume(1_000 + i % 50_000).build();
        }
    }

    /** Streams every chunk with at most {@code inFlight} unacknowledged; answers the bars acknowledged as accepted. */
    private static long importAll(Channel channel, Rows rows, int chunkSize, int inFlight) throws InterruptedException {
        Semaphore window = new Semaphore(inFlight);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong accepted = new AtomicLong();
        AtomicReference<ClientCallStreamObserver<ImportBarsRequest>> requests = new AtomicReference<>();
        IngestServiceGrpc.newStub(channel).withDeadlineAfter(2, TimeUnit.HOURS)
                .importBars(new ClientResponseObserver<ImportBarsRequest, ImportBarsResponse>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<ImportBarsRequest> stream) {
                        requests.set(stream);
                    }

                    @Override
                    public void onNext(ImportBarsResponse ack) {
                        accepted.addAndGet(ack.getReport().getAccepted());
                        if (ack.getReport().getRejectedCount() > 0) {
                            failure.compareAndSet(null, new IllegalStateException("rejected: " + ack.getReport()));
                        }
                        window.release();
                    }

                    @Override
                    public void onError(Throwable t) {
                        failure.compareAndSet(null, t);
                        window.release(inFlight);
                        closed.countDown();
                    }

                    @Override
                    public void onCompleted() {
                        closed.countDown();
                    }
                });
        Iterator<ImportBarsRequest> chunks = chunks(rows, chunkSize);
        while (chunks.hasNext() && failure.get() == null) {
            window.acquire();
            requests.get().onNext(chunks.next());
        }
        requests.get().onCompleted();
        closed.await();
        if (failure.get() != null) {
            throw new IllegalStateException("ImportBars failed", failure.get());
        }
        return accepted.get();
    }

    private static Iterator<ImportBarsRequest> chunks(Rows rows, int chunkSize) {
        return new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < rows.total();
            }

            @Override
            public ImportBarsRequest next() {
                ImportBarsRequest.Builder chunk = ImportBarsRequest.newBuilder().setSequence(next / chunkSize);
                for (long end = Math.min(rows.total(), next + chunkSize); next < end; next++) {
                    chunk.addBars(rows.bar(next));
                }
                return chunk.build();
            }
        };
    }

    /** COPY of the same rows, as CSV, into an empty table with ingest.daily_bar's columns, keys and checks. */
    private static Duration copyBaseline(Connection db, Rows rows, int chunkSize) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS bench");
            statement.execute("DROP TABLE IF EXISTS bench.daily_bar_copy");
            statement.execute("CREATE TABLE bench.daily_bar_copy (LIKE ingest.daily_bar INCLUDING ALL,"
                    + " FOREIGN KEY (symbol) REFERENCES ingest.instrument (symbol))");
        }
        Instant start = Instant.now();
        CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY bench.daily_bar_copy (symbol, date, open, high, low, close, volume) FROM STDIN (FORMAT csv)");
        StringBuilder csv = new StringBuilder(chunkSize * 64);
        for (long i = 0; i < rows.total(); i++) {
            DailyBar bar = rows.bar(i);
            csv.append(bar.getSymbol()).append(',').append(bar.getDate()).append(',').append(bar.getOpen()).append(',')
                    .append(bar.getHigh()).append(',').append(bar.getLow()).append(',').append(bar.getClose()).append(',')
                    .append(bar.getVolume()).append('\n');
            if ((i + 1) % chunkSize == 0 || i + 1 == rows.total()) {
                byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                csv.setLength(0);
            }
        }
        long copied = copy.endCopy();
        Duration elapsed = Duration.between(start, Instant.now());
        try (Statement statement = db.createStatement()) {
            statement.execute("DROP TABLE bench.daily_bar_copy");
        }
        if (copied != rows.total()) {
            throw new IllegalStateException("COPY stored " + copied + " rows");
        }
        return elapsed;
    }

    private static void register(Channel channel, List<String> symbols) {
        IngestServiceGrpc.IngestServiceBlockingStub stub = IngestServiceGrpc.newBlockingStub(channel);
        for (String symbol : symbols) {
            stub.withDeadlineAfter(10, TimeUnit.SECONDS).upsertInstrument(UpsertInstrumentRequest.newBuilder()
                    .setInstrument(Instrument.newBuilder().setSymbol(symbol).setName("Benchmark " + symbol)
                            .setCurrency("USD").setExchange("BENCH").setKind(InstrumentKind.INSTRUMENT_KIND_EQUITY))
                    .build());
        }
    }

    private static List<String> symbols(int count) {
        List<String> symbols = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            symbols.add(String.format(Locale.ROOT, "BULK%05d", i));
        }
        return symbols;
    }

    /** {@code count} weekdays ending last Friday before 2025-01-01, as ISO text. */
    private static List<String> businessDays(int count) {
        List<String> days = new ArrayList<>(count);
        for (LocalDate day = LocalDate.of(2024, 12, 31); days.size() < count; day = day.minusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(0, day.toString());
            }
        }
        return days;
    }

    private static long count(Connection db, String table) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            values.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return values;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
