package dev.capflow.bench;

import dev.capflow.grpc.WindowedStream;
import dev.capflow.proto.ingest.v1.DailyBar;
import dev.capflow.proto.ingest.v1.ImportBarsRequest;
import dev.capflow.proto.ingest.v1.ImportBarsResponse;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import dev.capflow.testsupport.BearerChannels;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Imports N symbols x M business days of daily bars through the ImportBars stream of a running ingest-service
 * (acknowledged = committed), then COPYs the very same rows into a table shaped like ingest.daily_bar (same primary
 * key, checks and foreign key) in the same PostgreSQL, and prints both rates and their ratio as a Markdown row. Rows
 * are generated while they are sent, in both runs, so memory stays flat at any size.
 */
public final class BulkImportBenchmark {

    private BulkImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int symbolCount = Integer.parseInt(options.getOrDefault("symbols", "500"));
        int days = Integer.parseInt(options.getOrDefault("days", "2520"));
        int chunkSize = Integer.parseInt(options.getOrDefault("chunk", "10000"));
        int inFlight = Integer.parseInt(options.getOrDefault("in-flight", "6"));
        GridRows rows = new GridRows(symbols(symbolCount, "BULK"), businessDays(days));
        String shape = String.format(Locale.ROOT, "%,d symbols x %,d days", symbolCount, days);

        ManagedChannel managed = NettyChannelBuilder.forTarget(options.getOrDefault("grpc", "127.0.0.1:9081"))
                .usePlaintext()
                .build();
        Channel channel = BearerChannels.withToken(managed, required(options, "token"));
        try (Connection db = DriverManager.getConnection(
                required(options, "jdbc"),
                options.getOrDefault("user", "postgres"),
                options.getOrDefault("password", ""))) {
            TickIngestBenchmark.registerInstruments(channel, rows.symbols());
            Instant start = Instant.now();
            long accepted = importAll(channel, rows, chunkSize, inFlight);
            Duration grpc = Duration.between(start, Instant.now());
            long stored = TickIngestBenchmark.count(db, "ingest.daily_bar");
            if (accepted != rows.total() || stored != rows.total()) {
                throw new IllegalStateException("expected " + rows.total() + " new bars, stored " + stored
                        + ", acknowledged as accepted " + accepted);
            }
            Duration copy = copyBaseline(db, rows, chunkSize);
            String rest = options.get("rest");
            if (rest != null) {
                // the same shape and count under other symbols, so that every row is new again
                GridRows restRows = new GridRows(symbols(symbolCount, "BULKR"), rows.dates());
                TickIngestBenchmark.registerInstruments(channel, restRows.symbols());
                Duration csv = importCsv(rest, required(options, "rest-token"), restRows);
                if (TickIngestBenchmark.count(db, "ingest.daily_bar") != 2 * rows.total()) {
                    throw new IllegalStateException("the CSV import did not store every row");
                }
                printRow("POST /prices/bulk-csv (gateway chunks and in-flight)", shape, rows.total(), csv, copy);
            }
            printRow(
                    "ImportBars, chunk " + chunkSize + ", " + inFlight + " in flight", shape, rows.total(), grpc, copy);
        } finally {
            managed.shutdown().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** One Markdown row: the import's rate against COPY's for the same rows. */
    static void printRow(String path, String shape, long total, Duration elapsed, Duration copy) {
        double rate = total / seconds(elapsed);
        double copyRate = total / seconds(copy);
        System.out.printf(
                Locale.ROOT,
                "| %s | %s = %,d bars | %.2f s = %,.0f bars/s | COPY %.2f s = %,.0f bars/s | ratio %.2fx COPY |%n",
                path,
                shape,
                total,
                seconds(elapsed),
                rate,
                seconds(copy),
                copyRate,
                rate / copyRate);
    }

    /** Streams the rows as one multi-symbol CSV body (generated while it is sent) and checks the report. */
    private static Duration importCsv(String gateway, String token, BarRows rows) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/prices/bulk-csv"))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new CsvStream(rows)))
                .build();
        Instant start = Instant.now();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Duration elapsed = Duration.between(start, Instant.now());
        if (response.statusCode() != 200 || !response.body().contains("\"accepted\":" + rows.total())) {
            throw new IllegalStateException("bulk CSV import answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return elapsed;
    }

    /** The rows as CSV text with a header, produced a line at a time as it is read. */
    private static final class CsvStream extends InputStream {
        private final Iterator<DailyBar> bars;
        private byte[] line = "symbol,date,open,high,low,close,volume\n".getBytes(StandardCharsets.UTF_8);
        private int at;

        CsvStream(BarRows rows) {
            this.bars = rows.bars();
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (at == line.length) {
                if (!bars.hasNext()) {
                    return -1;
                }
                line = csvLine(bars.next()).getBytes(StandardCharsets.UTF_8);
                at = 0;
            }
            int n = Math.min(length, line.length - at);
            System.arraycopy(line, at, buffer, offset, n);
            at += n;
            return n;
        }
    }

    private static String csvLine(DailyBar bar) {
        return bar.getSymbol()
                + ','
                + bar.getDate()
                + ','
                + bar.getOpen()
                + ','
                + bar.getHigh()
                + ','
                + bar.getLow()
                + ','
                + bar.getClose()
                + ','
                + bar.getVolume()
                + '\n';
    }

    /** Streams every chunk with at most {@code inFlight} unacknowledged; answers the bars acknowledged as accepted. */
    static long importAll(Channel channel, BarRows rows, int chunkSize, int inFlight) {
        AtomicLong accepted = new AtomicLong();
        AtomicReference<String> rejected = new AtomicReference<>();
        Iterator<ImportBarsRequest> chunks = chunks(rows, chunkSize);
        WindowedStream.run(
                IngestServiceGrpc.newStub(channel).withDeadlineAfter(2, TimeUnit.HOURS)::importBars,
                () -> chunks.hasNext() ? chunks.next() : null,
                (ImportBarsResponse ack) -> {
                    accepted.addAndGet(ack.getReport().getAccepted());
                    if (ack.getReport().getRejectedCount() > 0) {
                        rejected.compareAndSet(null, ack.getReport().toString());
                    }
                },
                inFlight);
        if (rejected.get() != null) {
            throw new IllegalStateException("ImportBars rejected bars: " + rejected.get());
        }
        return accepted.get();
    }

    private static Iterator<ImportBarsRequest> chunks(BarRows rows, int chunkSize) {
        Iterator<DailyBar> bars = rows.bars();
        return new Iterator<>() {
            private long sequence;

            @Override
            public boolean hasNext() {
                return bars.hasNext();
            }

            @Override
            public ImportBarsRequest next() {
                ImportBarsRequest.Builder chunk = ImportBarsRequest.newBuilder().setSequence(sequence++);
                while (chunk.getBarsCount() < chunkSize && bars.hasNext()) {
                    chunk.addBars(bars.next());
                }
                return chunk.build();
            }
        };
    }

    /** COPY of the same rows, as CSV, into an empty table with ingest.daily_bar's columns, keys and checks. */
    static Duration copyBaseline(Connection db, BarRows rows, int chunkSize) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS bench");
            statement.execute("DROP TABLE IF EXISTS bench.daily_bar_copy");
            statement.execute("CREATE TABLE bench.daily_bar_copy (LIKE ingest.daily_bar INCLUDING ALL,"
                    + " FOREIGN KEY (symbol) REFERENCES ingest.instrument (symbol))");
        }
        Instant start = Instant.now();
        CopyIn copy = db.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                        "COPY bench.daily_bar_copy (symbol, date, open, high, low, close, volume) FROM STDIN (FORMAT csv)");
        StringBuilder csv = new StringBuilder(chunkSize * 64);
        Iterator<DailyBar> bars = rows.bars();
        for (long i = 0; bars.hasNext(); i++) {
            csv.append(csvLine(bars.next()));
            if ((i + 1) % chunkSize == 0 || !bars.hasNext()) {
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

    private static List<String> symbols(int count, String prefix) {
        List<String> symbols = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            symbols.add(String.format(Locale.ROOT, "%s%05d", prefix, i));
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

    static Map<String, String> options(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            values.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return values;
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
