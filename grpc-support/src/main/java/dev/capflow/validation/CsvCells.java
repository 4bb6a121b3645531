package dev.capflow.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * The cells of one CSV line (RFC 4180 quoting, one line at a time), each stripped of surrounding blanks: a quoted
 * value may hold commas ({@code "1,000"} is one cell) and doubled quotes ({@code ""} is one quote). What a quote
 * leaves open runs to the end of the line. Shared by every CSV entry point, so that each reads a row the same way.
 */
public final class CsvCells {

    private CsvCells() {}

    public static String[] split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == ',') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && cell.toString().isBlank() && !wasQuoted) {
                // an opening quote, after blanks at most: what it holds is the value
                cell.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells.toArray(String[]::new);
    }
}
