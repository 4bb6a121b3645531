package dev.capflow.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capflow.devstack.Arguments;
import dev.capflow.devstack.Errors;
import dev.capflow.devstack.Subcommand;
import dev.capflow.devstack.token.DevTokens;
import dev.capflow.devstack.token.LocalKeys;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jose4j.lang.JoseException;

/**
 * {@code load-demo BASE_URL DIR [--keys KEYDIR]}: upserts every instrument of {@code DIR/instruments.csv}, imports
 * each {@code DIR/prices/SYMBOL.csv} as Yahoo CSV, records each cash dividend of {@code DIR/dividends.csv} as a
 * DIVIDEND corporate action, then creates each basket of {@code DIR/baskets.json}, printing one line per file. This is
 * the only way demo data gets into a database. With {@code --keys} it sends tokens signed by the local key pair in
 * KEYDIR (see {@code token}): {@code ingest} for market data, {@code analyst} for baskets. Safe to repeat: the gateway
 * reports rows and dividends it already has as duplicates, and a basket whose id exists is left as it is (someone may
 * have edited it). Exit 1 when any call failed or any row was rejected.
 */
public final class LoadDemoCommand implements Subcommand {

    private static final Duration TOKEN_TTL = Duration.ofHours(1);
    /** What POST /baskets answers when the id exists: the demo basket is there already, maybe edited since. */
    private static final int ID_TAKEN = 409;

    private final ObjectMapper json = new ObjectMapper();
    private final Duration retryPause;

    public LoadDemoCommand() {
        this(Duration.ofSeconds(1));
    }

    /** With another pause between retries of a call the gateway answered 503 or not at all. */
    LoadDemoCommand(Duration retryPause) {
        this.retryPause = retryPause;
    }

    @Override
    public String name() {
        return "load-demo";
    }

    @Override
    public String usage() {
        return "load-demo BASE_URL DIR [--keys KEYDIR]";
    }

    @Override
    public String summary() {
        return "PUT DIR/instruments.csv, POST DIR/prices/*.csv, DIR/dividends.csv and DIR/baskets.json to the gateway";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Arguments arguments = Arguments.parse(args, 2, Set.of(), Set.of("--keys"));
        URI baseUrl = URI.create(arguments.positional(0));
        Path dir = Path.of(arguments.positional(1));
        Path keys = arguments.option("--keys").map(Path::of).orElse(null);
        GatewayClient gateway = new GatewayClient(baseUrl, json, retryPause, token(keys, "ingest"));
        GatewayClient basketGateway = new GatewayClient(baseUrl, json, retryPause, token(keys, "analyst"));

        List<DemoInstrument> instruments = InstrumentsCsv.parse(
                "instruments.csv", Files.readString(dir.resolve("instruments.csv"), StandardCharsets.UTF_8));
        int problems = loadInstruments(gateway, instruments);
        Set<String> registered =
                Set.copyOf(instruments.stream().map(DemoInstrument::symbol).toList());
        for (Path file : priceFiles(dir.resolve("prices"))) {
            problems += loadPrices(gateway, file, registered);
        }
        Map<String, String> currencies =
                instruments.stream().collect(Collectors.toMap(DemoInstrument::symbol, DemoInstrument::currency));
        problems += loadDividends(
                gateway,
                DividendsCsv.parse(
                        "dividends.csv",
                        Files.readString(dir.resolve("dividends.csv"), StandardCharsets.UTF_8),
                        currencies));
        problems += loadBaskets(
                basketGateway,
                DemoBaskets.parse(
                        "baskets.json", Files.readString(dir.resolve("baskets.json"), StandardCharsets.UTF_8), json));
        return problems == 0 ? 0 : 1;
    }

    /** A token of {@code role} signed by the local key pair in {@code keys}; null (no header) without keys. */
    private static String token(Path keys, String role) throws IOException, GeneralSecurityException, JoseException {
        return keys == null ? null : DevTokens.sign(LocalKeys.privateKey(keys), "load-demo", role, TOKEN_TTL);
    }

    private int loadBaskets(GatewayClient gateway, List<JsonNode> baskets) throws InterruptedException {
        int created = 0;
        int failed = 0;
        for (JsonNode basket : baskets) {
            String id = basket.get("id").asText();
            try {
                GatewayClient.Response response = gateway.postBasket(basket);
                if (response.status() == 201) {
                    created++;
                } else if (response.status() != ID_TAKEN) {
                    failed++;
                    System.out.println("    basket " + id + ": " + response.describe(json));
                }
            } catch (IOException e) {
                failed++;
                System.out.println("    basket " + id + ": " + Errors.describe(e));
            }
        }
        System.out.println("baskets.json: " + baskets.size() + " baskets, " + created + " created, "
                + (baskets.size() - created - failed) + " already there (left as they are), " + failed + " failed");
        return failed;
    }

    private int loadDividends(GatewayClient gateway, List<DemoDividend> dividends) throws InterruptedException {
        int recorded = 0;
        int failed = 0;
        for (DemoDividend dividend : dividends) {
            try {
                GatewayClient.Response response = gateway.postDividend(dividend);
                if (!response.ok()) {
                    failed++;
                    System.out.println("    dividend " + dividend.symbol() + " " + dividend.exDate() + ": "
                            + response.describe(json));
                } else if (response.status() == 201) {
                    recorded++;
                }
            } catch (IOException e) {
                failed++;
                System.out.println(
                        "    dividend " + dividend.symbol() + " " + dividend.exDate() + ": " + Errors.describe(e));
            }
        }
        System.out.println("dividends.csv: " + dividends.size() + " dividends, " + recorded + " recorded, "
                + (dividends.size() - recorded - failed) + " already recorded, " + failed + " failed");
        return failed;
    }

    private int loadInstruments(GatewayClient gateway, List<DemoInstrument> instruments) throws InterruptedException {
        int created = 0;
        int failed = 0;
        for (DemoInstrument instrument : instruments) {
            try {
                GatewayClient.Response response = gateway.putInstrument(instrument);
                if (!response.ok()) {
                    failed++;
                    System.out.println("    instrument " + instrument.symbol() + ": " + response.describe(json));
                } else if (wasCreated(response)) {
                    created++;
                }
            } catch (IOException e) {
                failed++;
                System.out.println("    instrument " + instrument.symbol() + ": " + Errors.describe(e));
            }
        }
        System.out.println("instruments.csv: " + instruments.size() + " instruments, " + created + " created, "
                + (instruments.size() - created - failed) + " already registered, " + failed + " failed");
        return failed;
    }

    /** The gateway says "created" in the body (the contract's upsert answer) or with 201. */
    private boolean wasCreated(GatewayClient.Response response) {
        JsonNode body = response.json(json);
        return body.has("created") ? body.get("created").asBoolean() : response.status() == 201;
    }

    private static List<Path> priceFiles(Path pricesDir) throws IOException {
        try (Stream<Path> files = Files.list(pricesDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv"))
                    .sorted()
                    .toList();
        }
    }

    private int loadPrices(GatewayClient gateway, Path file, Set<String> registered) throws InterruptedException {
        String fileName = file.getFileName().toString();
        String symbol =
                fileName.substring(0, fileName.length() - ".csv".length()).toUpperCase(Locale.ROOT);
        String label = "prices/" + fileName + " -> " + symbol;
        if (!registered.contains(symbol)) {
            System.out.println(label + ": not in instruments.csv, skipped");
            return 1;
        }
        try {
            String csv = YahooCsv.fromDemoFile(fileName, Files.readString(file, StandardCharsets.UTF_8));
            GatewayClient.Response response = gateway.postCsv(symbol, csv);
            JsonNode report = response.json(json);
            // A 422 (every row rejected) still carries the report, with the reasons.
            if (!response.ok() && !report.has("rejected")) {
                System.out.println(label + ": " + response.describe(json));
                return 1;
            }
            IngestReportLines.describe(label, report).forEach(System.out::println);
            return response.ok() && IngestReportLines.rejectedCount(report) == 0 ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            System.out.println(label + ": " + Errors.describe(e));
            return 1;
        }
    }
}
