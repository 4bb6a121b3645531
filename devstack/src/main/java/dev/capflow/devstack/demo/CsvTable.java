package dev.capflow.devstack.demo;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A CSV text read as its header and its numbered rows, with columns looked up by name. */
record CsvTable(String source, List<String> header, List<Row> rows) {

    private static final CsvMapper CSV = new CsvMapper();

    /** One data row; {@code number} is its 1-based record number counting the header, as the ingest reports count. */
    record Row(int number, List<String> cells) {

        /** The trimmed cell of a column, or "" when the column is absent ({@code -1}) or the row is short. */
        String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column).trim() : "";
        }
    }

    /** Reads {@code text}; {@code source} names the file in error messages. Blank lines are skipped. */
    static CsvTable parse(String source, String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> records = new ArrayList<>();
        try (MappingIterator<String[]> iterator = CSV.readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(content)) {
            while (iterator.hasNextValue()) {
                records.add(List.of(iterator.nextValue()));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not readable as CSV: " + e.getMessage(), e);
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException(source + ": empty file, expected a header row");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> cells = records.get(i);
            if (!(cells.size() == 1 && cells.get(0).isBlank())) {
                rows.add(new Row(i + 1, cells));
            }
        }
        return new CsvTable(source, records.get(0).stream().map(String::trim).toList(), rows);
    }

    /** The index of the first header matching one of {@code names} (case-insensitive), or -1. */
    int column(String... names) {
        for (String name : names) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Like {@link #column} but fails, naming the file and the column, when the header lacks it. */
    int requiredColumn(String name) {
        int column = column(name);
        if (column < 0) {
            throw new IllegalArgumentException(
                    source + ": header has no '" + name + "' column (found: " + String.join(",", header) + ")");
        }
        return column;
    }
}
