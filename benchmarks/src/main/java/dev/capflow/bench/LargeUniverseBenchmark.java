package dev.capflow.bench;

import dev.capflow.testsupport.BearerChannels;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The bulk half of {@code bench/large-universe.sh}: registers the first N symbols of test-support's SyntheticPrices
 * through ingest-service's {@code UpsertInstrument}, imports their daily bars over [from, to] through the
 * {@code ImportBars} stream (acknowledged = committed), checks every bar is stored, then COPYs the same rows into a
 * scratch table shaped like ingest.daily_bar in the same database, and prints both rates as a Markdown row. The live
 * half is {@link WatchedTickRun}.
 */
public final class LargeUniverseBenchmark {

    private LargeUniverseBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BulkImportBenchmark.options(args);
        int instruments = Integer.parseInt(options.getOrDefault("instruments", "5000"));
        LocalDate from = LocalDate.parse(BulkImportBenchmark.required(options, "from"));
        LocalDate to = LocalDate.parse(BulkImportBenchmark.required(options, "to"));
        int chunkSize = Integer.parseInt(options.getOrDefault("chunk", "10000"));
        int inFlight = Integer.parseInt(options.getOrDefault("in-flight", "6"));
        SyntheticRows rows = new SyntheticRows(instruments, from, to);

        ManagedChannel managed = NettyChannelBuilder.forTarget(BulkImportBenchmark.required(options, "grpc"))
                .usePlaintext()
                .build();
        Channel channel = BearerChannels.withToken(managed, BulkImportBenchmark.required(options, "token"));
        try (Connection db = DriverManager.getConnection(
                BulkImportBenchmark.required(options, "jdbc"),
                options.getOrDefault("user", "postgres"),
                options.getOrDefault("password", ""))) {
            String[] symbols = rows.symbols().toArray(String[]::new);
            if (storedBars(db, symbols) != 0) {
                throw new IllegalStateException("the synthetic symbols already have bars: run against a fresh"
                        + " platform, or RESUME=1 to skip the import");
            }
            Instant registering = Instant.now();
            TickIngestBenchmark.registerInstruments(channel, rows.symbols());
            Duration registered = Duration.between(registering, Instant.now());
            Instant start = Instant.now();
            long accepted = BulkImportBenchmark.importAll(channel, rows, chunkSize, inFlight);
            Duration grpc = Duration.between(start, Instant.now());
            long stored = storedBars(db, symbols);
            if (accepted != rows.total() || stored != rows.total()) {
                throw new IllegalStateException("expected " + rows.total() + " new bars, stored " + stored
                        + ", acknowledged as accepted " + accepted);
            }
            Duration copy = BulkImportBenchmark.copyBaseline(db, rows, chunkSize);
            System.out.printf(
                    Locale.ROOT,
                    "| UpsertInstrument, 16 calls in flight | %,d instruments | %.2f s = %,.0f instruments/s | | |%n",
                    instruments,
                    BulkImportBenchmark.seconds(registered),
                    instruments / BulkImportBenchmark.seconds(registered));
            BulkImportBenchmark.printRow(
                    "ImportBars, chunk " + chunkSize + ", " + inFlight + " in flight",
                    String.format(Locale.ROOT, "%,d symbols, %s to %s", instruments, from, to),
                    rows.total(),
                    grpc,
                    copy);
        } finally {
            managed.shutdown().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static long storedBars(Connection db, String[] symbols) throws Exception {
        try (var statement = db.prepareStatement("SELECT count(*) FROM ingest.daily_bar WHERE symbol = ANY (?)")) {
            statement.setArray(1, db.createArrayOf("text", symbols));
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
