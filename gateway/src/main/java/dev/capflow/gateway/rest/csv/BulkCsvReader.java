package dev.capflow.gateway.rest.csv;

import dev.capflow.gateway.request.InvalidFieldsException;
import dev.capflow.gateway.request.Rejection;
import dev.capflow.proto.ingest.v1.DailyBar;
import dev.capflow.validation.CsvCells;
import dev.capflow.validation.CsvControlCharacters;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a multi-symbol daily CSV line by line into chunks of bars, so that a file of any size is held one chunk at a
 * time. The header names the columns in any order: symbol, date, open, high, low, close and volume (case-insensitive;
 * an "Adj Close" column is ignored). A row that cannot become a bar is rejected at its 1-based line (header = 1)
 * naming the column; a row whose prices are all "null" (a Yahoo placeholder) is skipped, a blank line ignored. Bounds
 * and symbols are checked by ingest-service, as for every bar.
 */
public final class BulkCsvReader {

    /** The columns a bar needs, in proto order. */
    static final List<String> COLUMNS = List.of("symbol", "date", "open", "high", "low", "close", "volume");

    private static final String IGNORED = "adj close";

    /** Bars of consecutive lines: {@code rows[i]} is the line of {@code bars[i]}; rows already refused are apart. */
    public record Chunk(List<DailyBar> bars, int[] rows, List<Rejection> rejected, int skipped, int dataRows) {}

    private final BufferedReader in;
    private final int chunkSize;
    /** Column position of each of {@link #COLUMNS}. */
    private final int[] positions;

    private final List<String> names;
    private int line = 1;
    private int dataRows;

    private BulkCsvReader(BufferedReader in, int chunkSize, int[] positions, List<String> names) {
        this.in = in;
        this.chunkSize = chunkSize;
        this.positions = positions;
        this.names = names;
    }

    /** Reads the header of UTF-8 {@code body}; a missing or unusable header is a 400 naming {@code body}. */
    public static BulkCsvReader open(InputStream body, int chunkSize) {
        BufferedReader in = new BufferedReader(
                new InputStreamReader(
                        body,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)),
                1 << 16);
        String header = readLine(in);
        if (header == null || header.isBlank()) {
            throw invalidBody("must be a CSV file with a header row (" + String.join(",", COLUMNS) + ")");
        }
        List<String> names = Arrays.stream(CsvCells.split(header.replace("\uFEFF", "")))
                .map(name -> name.toLowerCase(Locale.ROOT))
                .toList();
        int[] positions = new int[COLUMNS.size()];
        for (int i = 0; i < COLUMNS.size(); i++) {
            positions[i] = names.indexOf(COLUMNS.get(i));
        }
        List<String> unknown = names.stream()
                .filter(name -> !COLUMNS.contains(name) && !name.equals(IGNORED))
                .map(Quote::cut)
                .toList();
        List<String> missing =
                COLUMNS.stream().filter(column -> !names.contains(column)).toList();
        if (!missing.isEmpty()
                || !unknown.isEmpty()
                || names.size() != names.stream().distinct().count()) {
            throw invalidBody("the header must name each of " + String.join(",", COLUMNS)
                    + " once (an Adj Close column is ignored)"
                    + (unknown.isEmpty() ? "" : "; unknown: " + String.join(", ", unknown))
                    + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
                    + "; got: " + Quote.cut(header));
        }
        return new BulkCsvReader(in, chunkSize, positions, names);
    }

    /** The next chunk, or null after the last line. */
    public Chunk next() {
        List<DailyBar> bars = new ArrayList<>(chunkSize);
        int[] rows = new int[chunkSize];
        List<Rejection> rejected = new ArrayList<>();
        int skipped = 0;
        int read = 0;
        String text;
        while (read < chunkSize && (text = readLine(in)) != null) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            read++;
            String[] cells = CsvCells.split(text);
            int control = CsvControlCharacters.cellWithOne(text);
            if (cells.length != names.size()) {
                rejected.add(
                        Rejection.atRow(line, "record", "expected " + names.size() + " columns, got " + cells.length));
            } else if (control >= 0) {
                rejected.add(Rejection.atRow(line, names.get(control), CsvControlCharacters.REASON));
            } else if (placeholder(cells)) {
                skipped++;
            } else {
                DailyBar.Builder bar =
                        DailyBar.newBuilder().setSymbol(cell(cells, 0)).setDate(cell(cells, 1));
                Rejection problem = numbers(cells, bar);
                if (problem == null) {
                    rows[bars.size()] = line;
                    bars.add(bar.build());
                } else {
                    rejected.add(problem);
                }
            }
        }
        dataRows += read;
        return read == 0 ? null : new Chunk(bars, Arrays.copyOf(rows, bars.size()), rejected, skipped, read);
    }

    /** Data rows read so far (blank lines not counted). */
    public int dataRows() {
        return dataRows;
    }

    private Rejection numbers(String[] cells, DailyBar.Builder bar) {
        double[] prices = new double[4];
        for (int i = 0; i < 4; i++) {
            String value = cell(cells, 2 + i);
            try {
                prices[i] = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                return Rejection.atRow(line, COLUMNS.get(2 + i), "not a number: " + Quote.cut(value));
            }
        }
        String volume = cell(cells, 6);
        try {
            // as ingest-service's ImportCsv reads it: 1000, 1000.0 and 1E3 are the same whole number
            bar.setVolume(new BigDecimal(volume).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return Rejection.atRow(line, "volume", "not a whole number: " + Quote.cut(volume));
        }
        bar.setOpen(prices[0]).setHigh(prices[1]).setLow(prices[2]).setClose(prices[3]);
        return null;
    }

    private boolean placeholder(String[] cells) {
        for (int i = 2; i < 6; i++) {
            if (!cell(cells, i).equalsIgnoreCase("null")) {
                return false;
            }
        }
        return true;
    }

    private String cell(String[] cells, int column) {
        return cells[positions[column]];
    }

    private static String readLine(BufferedReader in) {
        try {
            return in.readLine();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw invalidBody("not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InvalidFieldsException invalidBody(String reason) {
        return new InvalidFieldsException("body", reason);
    }

    /** Cuts quoted values, so that neither a rejection nor an error grows with a hostile line. */
    private static final class Quote {
        private static final int MAX = 64;

        static String cut(String value) {
            return value.length() <= MAX
                    ? "\"" + value + "\""
                    : "\"" + value.substring(0, MAX) + "...\" (" + value.length() + " chars)";
        }
    }
}
