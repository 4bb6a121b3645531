package dev.capflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.devstack.stack.ServiceProcess;
import dev.capflow.devstack.stack.StackEnvironment;
import dev.capflow.testsupport.Datastores;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Not a test: the measurement of {@code bench/ingest-memory.sh} (its name matches no test pattern, so only
 * {@code -Dit.test=IngestMemoryBench} runs it). ingest-service and the gateway are started as {@code ./capflow up}
 * starts them (devstack's ServiceTable: JVM options, environment), on a fresh database. It records ingest-service's
 * resident set size (VmRSS) idle, while 1,000,000 CSV rows are imported through {@code POST /api/v1/prices/csv} (in
 * files of {@value #ROWS_PER_FILE} rows: the gateway takes at most 10 MB a body) and for a minute afterwards, and
 * prints the samples and a summary line for BENCHMARKS.md.
 */
class IngestMemoryBench {

    private static final int FILES = Integer.getInteger("capflow.bench.files", 100);
    private static final int ROWS_PER_FILE = 10_000;
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);
    private static final Duration IDLE = Duration.ofSeconds(60);
    private static final Duration AFTER = Duration.ofSeconds(60);

    private final List<String> samples = new ArrayList<>();

    @Test
    void rssOfIngestServiceBeforeDuringAndAfterAMillionRowImport() throws Exception {
        try (Datastores stores = Datastores.start(14)) {
            StackEnvironment stack = ServiceEnv.stack(ServiceEnv.datastores(stores), "ingest-service", "gateway");
            try (ServiceProcess ingest = ServiceEnv.start(stack, "ingest-service");
                    ServiceProcess gateway = ServiceEnv.start(stack, "gateway")) {
                GatewayApi api = new GatewayApi(gateway);
                api.registerEquity("WARM");
                importFile(api, "WARM", 100); // the import path's classes loaded before idle is measured
                long idle = sampleFor(ingest, "idle", IDLE);
                long started = System.nanoTime();
                long peak = 0;
                for (int file = 0; file < FILES; file++) {
                    String symbol = "MEM" + file;
                    api.registerEquity(symbol);
                    importFile(api, symbol, ROWS_PER_FILE);
                    peak = Math.max(peak, sample(ingest, "import " + (file + 1) + "/" + FILES));
                }
                double importSeconds = (System.nanoTime() - started) / 1e9;
                long last = 0;
                for (long waited = 0; waited < AFTER.toSeconds(); waited += SAMPLE_EVERY.toSeconds()) {
                    Thread.sleep(SAMPLE_EVERY.toMillis());
                    last = sample(ingest, "after +" + (waited + SAMPLE_EVERY.toSeconds()) + " s");
                    peak = Math.max(peak, last);
                }
                samples.forEach(System.out::println);
                System.out.printf(
                        "RESULT rows=%d import=%.0f s idle=%d MiB peak=%d MiB after60s=%d MiB" + " after/idle=%.2f%n",
                        FILES * ROWS_PER_FILE, importSeconds, mib(idle), mib(peak), mib(last), (double) last / idle);
            }
        }
    }

    private static void importFile(GatewayApi api, String symbol, int rows) {
        JsonPath report = api.request()
                .contentType("text/csv")
                .queryParam("symbol", symbol)
                .body(csv(rows))
                .post("/api/v1/prices/csv")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(report.getInt("accepted")).as(symbol).isEqualTo(rows);
    }

    /** A Yahoo file of {@code rows} consecutive days from 1990-01-01, every bar valid. */
    private static String csv(int rows) {
        StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        LocalDate day = LocalDate.of(1990, 1, 1);
        for (int i = 0; i < rows; i++) {
            double close = 100 + i % 97;
            csv.append(day.plusDays(i))
                    .append(',')
                    .append(close)
                    .append(',')
                    .append(close + 2)
                    .append(',')
                    .append(close - 2)
                    .append(',')
                    .append(close + 1)
                    .append(',')
                    .append(close + 1)
                    .append(",1000\n");
        }
        return csv.toString();
    }

    /** Samples every {@link #SAMPLE_EVERY} for {@code length}; the last sample. */
    private long sampleFor(ServiceProcess service, String label, Duration length) throws Exception {
        long last = 0;
        for (long waited = 0; waited < length.toSeconds(); waited += SAMPLE_EVERY.toSeconds()) {
            Thread.sleep(SAMPLE_EVERY.toMillis());
            last = sample(service, label + " +" + (waited + SAMPLE_EVERY.toSeconds()) + " s");
        }
        return last;
    }

    private long sample(ServiceProcess service, String label) throws IOException {
        long rss = rssKib(service.pid()) * 1024;
        samples.add(String.format("SAMPLE %-22s rss=%4d MiB", label, mib(rss)));
        return rss;
    }

    /** VmRSS of {@code pid} from /proc (Linux), in KiB. */
    private static long rssKib(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> line.replaceAll("\\D", ""))
                .mapToLong(Long::parseLong)
                .findFirst()
                .orElseThrow();
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }
}
