package dev.capflow.exposure.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks) read as a header and rows whose
 * cells are found by column name. Blank lines are skipped.
 */
final class CsvTable {

    /** One data row: its 1-based line number in the file and its cells. */
    record Row(int line, Map<String, String> cells) {

        /** The trimmed cell of {@code column}, empty when the row is shorter. */
        String get(String column) {
            return cells.getOrDefault(column, "").trim();
        }
    }

    private final String file;
    private final List<Row> rows;

    private CsvTable(String file, List<Row> rows) {
        this.file = file;
        this.rows = rows;
    }

    /** Parses {@code text}, requiring every one of {@code columns} in its header. */
    static CsvTable parse(String file, String text, List<String> columns) {
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        split(file, text, records, lines);
        if (records.isEmpty()) {
            throw new IllegalStateException(file + ": empty, a header is required");
        }
        List<String> header = records.get(0).stream().map(String::trim).toList();
        for (String column : columns) {
            if (!header.contains(column)) {
                throw new IllegalStateException(
                        file + ": the header has no column " + column + " (it has " + header + ")");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = records.get(r);
            if (cells.size() > header.size()) {
                throw new IllegalStateException(file + " line " + lines.get(r) + ": " + cells.size()
                        + " cells, the header has " + header.size());
            }
            Map<String, String> byName = new HashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                byName.put(header.get(c), cells.get(c));
            }
            rows.add(new Row(lines.get(r), byName));
        }
        return new CsvTable(file, rows);
    }

    String file() {
        return file;
    }

    List<Row> rows() {
        return rows;
    }

    /** Splits {@code text} into records of cells, with the line each record starts on; blank lines are skipped. */
    private static void split(String file, String text, List<List<String>> records, List<Integer> lines) {
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean blank = true;
        int line = 1;
        int start = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                blank = false;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                blank = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (!blank) {
                    record.add(cell.toString());
                    records.add(record);
                    lines.add(start);
                }
                record = new ArrayList<>();
                cell.setLength(0);
                blank = true;
                line++;
                start = line;
            } else {
                cell.append(c);
                if (!Character.isWhitespace(c)) {
                    blank = false;
                }
            }
        }
        if (quoted) {
            throw new IllegalStateException(file + " line " + start + ": a quoted field is not closed");
        }
        if (!blank) {
            record.add(cell.toString());
            records.add(record);
            lines.add(start);
        }
    }
}
