package dev.capflow.basket.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Reads the {@code date,close} columns of the project's demo price files (demo/prices, seen from the module directory). */
final class DemoPrices {

    static final Path DIRECTORY = Path.of("..", "demo", "prices");

    private DemoPrices() {}

    static TimeSeries close(String symbol) {
        try {
            List<String> lines = Files.readAllLines(DIRECTORY.resolve(symbol + ".csv"));
            List<String> header = List.of(lines.get(0).split(","));
            int dateColumn = header.indexOf("date");
            int closeColumn = header.indexOf("close");
            TimeSeries.Builder builder = TimeSeries.builder();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    String[] cells = line.split(",", -1);
                    builder.add(LocalDate.parse(cells[dateColumn]), Double.parseDouble(cells[closeColumn]));
                }
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reciprocal of a quoted rate, for example USD per JPY from USDJPY (JPY per USD). */
    static TimeSeries inverse(TimeSeries rate) {
        double[] inverted = new double[rate.size()];
        int[] days = new int[rate.size()];
        for (int i = 0; i < inverted.length; i++) {
            days[i] = rate.epochDay(i);
            inverted[i] = 1.0 / rate.value(i);
        }
        return TimeSeries.ofEpochDays(days, inverted);
    }
}
