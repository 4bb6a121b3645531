package dev.capflow.ingest.csv;

import dev.capflow.ingest.domain.BarInput;
import dev.capflow.ingest.domain.Rejection;
import dev.capflow.ingest.domain.TextRules;
import dev.capflow.validation.CsvCells;
import dev.capflow.validation.CsvControlCharacters;
import dev.capflow.validation.InvalidRequestException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a daily price CSV in the Yahoo or Stooq layout. The first non-blank line is a header unless
 * its first cell is a date; the layout comes from the caller, else the header's column names, else
 * the column count. A header must be the layout's documented one (Stooq's Polish one too), and a value must hold no
 * control character. A byte-order mark, CRLF line ends and blank lines are accepted. Lines that cannot
 * be read become rejections located by their 1-based line number (counting the header).
 */
public final class CsvParser {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    /** Plain decimal numbers, plus NaN and Infinity so that the validator names them. */
    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(NaN|Infinity)");

    private static final List<String> PRICE_FIELDS = List.of("open", "high", "low", "close");
    /** The documented header of each layout, in order (a Stooq file may leave out Volume). */
    private static final List<String> YAHOO_HEADER =
            List.of("Date", "Open", "High", "Low", "Close", "Adj Close", "Volume");

    private static final List<String> STOOQ_HEADER = List.of("Date", "Open", "High", "Low", "Close", "Volume");
    /** Stooq's export in its Polish locale, also accepted. */
    private static final List<String> STOOQ_POLISH_HEADER =
            List.of("Data", "Otwarcie", "Najwyzszy", "Najnizszy", "Zamkniecie", "Wolumen");

    private CsvParser() {}

    /**
     * Parses {@code text} as the daily bars of {@code symbol}; {@code layout} is null to detect it.
     *
     * @throws InvalidRequestException (field "content", "layout" or "header") when the file is empty, its
     *         layout cannot be recognized or its header is not the layout's
     */
    public static CsvFile parse(String symbol, String text, CsvLayout layout) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = LINE_BREAK.split(content, -1);
        int first = firstNonBlank(lines);
        if (first < 0) {
            throw new InvalidRequestException("content", "empty file: no header and no data rows");
        }
        String[] firstCells = CsvCells.split(lines[first]);
        boolean hasHeader = !isDate(firstCells[0]);
        CsvLayout resolved = resolveLayout(layout, firstCells, hasHeader);
        List<String> columns = header(resolved).subList(0, firstCells.length);
        if (hasHeader && !(resolved == CsvLayout.STOOQ && sameNames(firstCells, STOOQ_POLISH_HEADER))) {
            checkHeader(firstCells, columns);
        }
        int expectedColumns = firstCells.length;
        List<CsvLine> result = new ArrayList<>();
        for (int i = hasHeader ? first + 1 : first; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                int control = CsvControlCharacters.cellWithOne(lines[i]);
                result.add(
                        control >= 0 && control < columns.size()
                                ? rejected(
                                        i + 1,
                                        columns.get(control).toLowerCase(Locale.ROOT),
                                        CsvControlCharacters.REASON)
                                : parseLine(symbol, i + 1, CsvCells.split(lines[i]), resolved, expectedColumns));
            }
        }
        return new CsvFile(resolved, resolved.volumeColumn(expectedColumns) >= 0, result);
    }

    private static CsvLayout resolveLayout(CsvLayout requested, String[] firstCells, boolean hasHeader) {
        CsvLayout layout = requested != null ? requested : detect(firstCells, hasHeader);
        if (!layout.accepts(firstCells.length)) {
            throw new InvalidRequestException(
                    "layout",
                    "the " + layout + " layout expects "
                            + (layout == CsvLayout.YAHOO ? "7" : "5 or 6") + " columns, but the "
                            + (hasHeader ? "header" : "first row") + " has " + firstCells.length);
        }
        return layout;
    }

    private static List<String> header(CsvLayout layout) {
        return layout == CsvLayout.YAHOO ? YAHOO_HEADER : STOOQ_HEADER;
    }

    /**
     * Refuses a header that is not the layout's documented one (names compared by their letters, ignoring case and
     * the rest), naming the unknown and the missing columns: a typo must not silently read a column as another.
     */
    private static void checkHeader(String[] cells, List<String> columns) {
        List<String> unknown = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!letters(cells[i]).equals(letters(columns.get(i)))) {
                unknown.add('"' + TextRules.quote(cells[i]) + '"');
                missing.add(columns.get(i));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(
                    "header",
                    "has unknown column " + String.join(", ", unknown) + " where " + String.join(", ", missing)
                            + (unknown.size() == 1 ? " belongs (did you mean " + missing.get(0) + "?)" : " belong")
                            + "; the header is " + String.join(",", columns));
        }
    }

    private static boolean sameNames(String[] cells, List<String> header) {
        for (int i = 0; i < cells.length; i++) {
            if (!letters(cells[i]).equals(letters(header.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static String letters(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    private static CsvLayout detect(String[] firstCells, boolean hasHeader) {
        if (hasHeader) {
            List<String> names = Arrays.stream(firstCells)
                    .map(name -> name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""))
                    .toList();
            if (names.contains("adjclose")) {
                return CsvLayout.YAHOO;
            }
            if (names.equals(List.of("date", "open", "high", "low", "close", "volume"))
                    || names.equals(List.of("date", "open", "high", "low", "close"))) {
                return CsvLayout.STOOQ;
            }
        }
        if (CsvLayout.YAHOO.accepts(firstCells.length)) {
            return CsvLayout.YAHOO;
        }
        if (CsvLayout.STOOQ.accepts(firstCells.length)) {
            return CsvLayout.STOOQ;
        }
        throw new InvalidRequestException(
                "content",
                "unrecognized CSV layout: expected Date,Open,High,Low,Close,"
                        + "Adj Close,Volume (Yahoo) or Date,Open,High,Low,Close[,Volume] (Stooq), got "
                        + TextRules.quote(String.join(",", firstCells)));
    }

    private static CsvLine parseLine(String symbol, int row, String[] cells, CsvLayout layout, int expectedColumns) {
        if (cells.length != expectedColumns) {
            return rejected(row, "record", "expected " + expectedColumns + " columns, got " + cells.length);
        }
        if (layout == CsvLayout.YAHOO && allNull(cells)) {
            return new CsvLine.Skipped(row);
        }
        double[] prices = new double[PRICE_FIELDS.size()];
        for (int p = 0; p < prices.length; p++) {
            String cell = cells[p + 1];
            if (cell.isEmpty()) {
                return rejected(row, PRICE_FIELDS.get(p), "required");
            }
            if (!NUMBER.matcher(cell).matches()) {
                return rejected(row, PRICE_FIELDS.get(p), "not a number: " + TextRules.quote(cell));
            }
            prices[p] = Double.parseDouble(cell);
        }
        int volumeColumn = layout.volumeColumn(cells.length);
        long volume = 0;
        if (volumeColumn >= 0) {
            String cell = cells[volumeColumn];
            if (cell.isEmpty()) {
                return rejected(row, "volume", "required");
            }
            try {
                volume = new BigDecimal(cell).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                return rejected(row, "volume", "not a whole number: " + TextRules.quote(cell));
            }
        }
        return new CsvLine.Parsed(
                row, new BarInput(symbol, cells[0], prices[0], prices[1], prices[2], prices[3], volume));
    }

    private static CsvLine rejected(int row, String field, String reason) {
        return new CsvLine.Rejected(Rejection.atRow(row, field, reason));
    }

    private static boolean allNull(String[] cells) {
        for (int i = 1; i < cells.length; i++) {
            if (!cells[i].equalsIgnoreCase("null")) {
                return false;
            }
        }
        return true;
    }

    private static int firstNonBlank(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDate(String cell) {
        try {
            LocalDate.parse(cell);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
