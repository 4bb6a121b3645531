package dev.capflow.devstack.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@code instruments.csv} ({@code symbol,name,currency,exchange,kind,sharesOutstanding}); every bad
 * cell is reported with its row and column, all at once.
 */
final class InstrumentsCsv {

    static final Set<String> KINDS = Set.of("EQUITY", "FX", "INDEX");

    private InstrumentsCsv() {}

    /** The instruments of {@code text}; {@code source} names the file in error messages. */
    static List<DemoInstrument> parse(String source, String text) {
        CsvTable table = CsvTable.parse(source, text);
        int symbol = table.requiredColumn("symbol");
        int name = table.requiredColumn("name");
        int currency = table.requiredColumn("currency");
        int exchange = table.requiredColumn("exchange");
        int kind = table.requiredColumn("kind");
        int shares = table.requiredColumn("sharesOutstanding");

        List<String> errors = new ArrayList<>();
        List<DemoInstrument> instruments = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            String where = source + " row " + row.number() + ": ";
            String symbolValue = row.cell(symbol).toUpperCase(Locale.ROOT);
            if (symbolValue.isEmpty()) {
                errors.add(where + "symbol is empty");
            } else if (!seen.add(symbolValue)) {
                errors.add(where + "symbol " + symbolValue + " appears twice");
            }
            if (row.cell(name).isEmpty()) {
                errors.add(where + "name is empty");
            }
            String currencyValue = row.cell(currency);
            if (!currencyValue.matches("[A-Z]{3}")) {
                errors.add(where + "currency '" + currencyValue + "' is not an ISO 4217 code such as USD");
            }
            String kindValue = row.cell(kind).toUpperCase(Locale.ROOT);
            if (!KINDS.contains(kindValue)) {
                errors.add(where + "kind '" + row.cell(kind) + "' is not one of EQUITY, FX, INDEX");
            }
            Long sharesValue = null;
            if (!row.cell(shares).isEmpty()) {
                try {
                    sharesValue = Long.valueOf(row.cell(shares));
                } catch (NumberFormatException e) {
                    // reported below
                }
                if (sharesValue == null || sharesValue <= 0) {
                    errors.add(where + "sharesOutstanding '" + row.cell(shares) + "' is not a positive whole number");
                }
            }
            instruments.add(new DemoInstrument(
                    symbolValue, row.cell(name), currencyValue, row.cell(exchange), kindValue, sharesValue));
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", errors));
        }
        return instruments;
    }
}
