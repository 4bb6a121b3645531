package dev.capflow.devstack.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a demo price file ({@code date,close[,adj_close][,volume]}) in the Yahoo daily layout
 * {@code Date,Open,High,Low,Close,Adj Close,Volume} that the gateway's CSV import reads. The demo files
 * have closes only, so open, high and low repeat the close (unless the file has those columns); Adj Close
 * falls back to the close and Volume to 0. Values are copied as text, never re-rounded, and every row keeps
 * its position, so the import's row numbers point into the demo file.
 */
public final class YahooCsv {

    static final List<String> HEADER = List.of("Date", "Open", "High", "Low", "Close", "Adj Close", "Volume");
    private static final CsvMapper CSV = new CsvMapper();

    private YahooCsv() {}

    /** The Yahoo-layout text of the demo file {@code text}; {@code source} names it in error messages. */
    public static String fromDemoFile(String source, String text) {
        CsvTable table = CsvTable.parse(source, text);
        int date = table.requiredColumn("date");
        int close = table.requiredColumn("close");
        int open = table.column("open");
        int high = table.column("high");
        int low = table.column("low");
        int adjClose = table.column("adj_close", "adj close");
        int volume = table.column("volume");

        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (CsvTable.Row row : table.rows()) {
            String closeValue = row.cell(close);
            rows.add(List.of(
                    row.cell(date),
                    orElse(row.cell(open), closeValue),
                    orElse(row.cell(high), closeValue),
                    orElse(row.cell(low), closeValue),
                    closeValue,
                    orElse(row.cell(adjClose), closeValue),
                    orElse(row.cell(volume), "0")));
        }
        try {
            // Quote only where CSV needs it, so the header reads exactly as Yahoo writes it ("Adj Close" unquoted).
            return CSV.writer(CsvSchema.emptySchema())
                    .with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                    .writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(source + ": cannot write CSV: " + e.getOriginalMessage(), e);
        }
    }

    private static String orElse(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }
}
