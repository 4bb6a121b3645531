package dev.capflow.exposure.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The project's demo market data ({@code demo/instruments.csv}, {@code demo/prices/*.csv}): each instrument's currency and
 * shares outstanding, and each series' closes by date. Read once, shared by both fakes.
 */
public final class DemoMarket {

    /** One registered instrument. */
    public record Listing(String symbol, String name, String currency, String kind, OptionalDouble sharesOutstanding) {}

    /** One close of a series. */
    public record Close(LocalDate date, double close) {}

    private final Map<String, Listing> instruments = new LinkedHashMap<>();
    private final Map<String, List<Close>> closes = new ConcurrentHashMap<>();

    public DemoMarket(Path demo) {
        try {
            List<String> lines = Files.readAllLines(demo.resolve("instruments.csv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                OptionalDouble shares =
                        cells[5].isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(cells[5]));
                instruments.put(cells[0], new Listing(cells[0], cells[1], cells[2], cells[4], shares));
                Path prices = demo.resolve("prices").resolve(cells[0] + ".csv");
                if (Files.exists(prices)) {
                    List<String> rows = Files.readAllLines(prices);
                    closes.put(
                            cells[0],
                            rows.subList(1, rows.size()).stream()
                                    .map(row -> row.split(",", -1))
                                    .map(c -> new Close(LocalDate.parse(c[0]), Double.parseDouble(c[1])))
                                    .toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo data in " + demo, e);
        }
    }

    public Map<String, Listing> instruments() {
        return instruments;
    }

    /** The closes of {@code symbol}, oldest first (empty when it has none). */
    public List<Close> closes(String symbol) {
        return closes.getOrDefault(symbol, List.of());
    }

    /** The last close of {@code symbol}. */
    public Close last(String symbol) {
        List<Close> series = closes(symbol);
        return series.get(series.size() - 1);
    }

    /** The first close on or after {@code date}. */
    public Close firstFrom(String symbol, LocalDate date) {
        return closes(symbol).stream()
                .filter(c -> !c.date().isBefore(date))
                .findFirst()
                .orElseThrow();
    }

    static long epochSecond(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
}
